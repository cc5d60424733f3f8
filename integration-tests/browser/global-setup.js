module.exports = () => require("./app").setup()
