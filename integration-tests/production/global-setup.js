module.exports = () => require("./cluster").setup()
