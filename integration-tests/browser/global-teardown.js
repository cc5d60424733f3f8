module.exports = () => require("./app").teardown()
