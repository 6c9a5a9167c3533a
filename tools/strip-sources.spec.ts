import { runInNewContext } from 'node:vm';
import { stripSource } from './strip-sources';

describe('stripSource', () => {
  it('drops comments and indentation and keeps every token as it was', () => {
    const source = [
      '#!/usr/bin/env node',
      '"use strict";',
      '/** A doc comment — with a non-Latin-1 dash. */',
      'function add(a, b) {',
      '    // a line comment',
      '    return a /* inline */ + b;',
      '}',
    ].join('\n');
    expect(stripSource(source, 'script')).toBe(
      '#!/usr/bin/env node\n"use strict";\nfunction add(a, b) {\nreturn a + b;\n}',
    );
  });

  it('keeps a line break wherever there was one, so automatic semicolon insertion reads the code as before', () => {
    const source = 'let a = 1\nlet b = a\n++a\nconst f = () => {\n  return /* one\n two */ a\n}\nresult = [a, b, f()]';
    const stripped = stripSource(source, 'script');
    expect(runInNewContext(`${stripped}; result`)).toEqual(runInNewContext(`${source}; result`));
    expect(runInNewContext(`${stripped}; result`)).toEqual([2, 1, undefined]); // a comment with a line break ends the return
  });

  it('leaves strings, templates and regular expressions alone', () => {
    const source =
      'const s = "  a // b  ";\nconst t = `x ${ 1 +  2 }  /* y */`;\nconst r = /  \\/\\/ z/g;\nresult = [s, t, r.source]';
    expect(runInNewContext(`${stripSource(source, 'script')}; result`)).toEqual(runInNewContext(`${source}; result`));
  });

  it('parses modules as modules', () => {
    expect(stripSource("import { a } from './a.js';\n\nexport const b = a; // b\n", 'module')).toBe(
      "import { a } from './a.js';\nexport const b = a;",
    );
  });
});
