require('./resolve-aliases');
module.exports = require('./global-teardown.impl.ts').default;
