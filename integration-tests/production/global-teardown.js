module.exports = () => require("./cluster").teardown()
