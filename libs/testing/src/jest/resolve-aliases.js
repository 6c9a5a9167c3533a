// Jest loads global setup and teardown outside its module map (moduleNameMapper does not apply),
// so the @ccsc/* aliases of tsconfig are resolved here by hand; jest's own transform compiles the TypeScript.
const Module = require('node:module');
const path = require('node:path');
const root = path.join(__dirname, '..', '..', '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));

const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases.get(request) ?? request, ...rest);
};
