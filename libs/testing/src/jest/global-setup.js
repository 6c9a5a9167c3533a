require('./resolve-aliases');
module.exports = require('./global-setup.impl.ts').default;
