import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';

// Catalogues are looked up by names taken from the code. A name that Object.prototype also has must
// find nothing: not a harm, a builder list or an alias inherited from Object (which crashed a rule
// and made another report `undefined`).
const prototypeNames = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__proto__'];

function sourceUsing(name: string): string {
  return `
import * as ${name === '__proto__' ? 'proto' : name}Module from '${name}';
import { ${name} as named } from '${name}/${name}';
const fs = require('fs');
const lib = require('${name}');
export async function run(xs: number[], value: any) {
  xs.${name}(async (x: number) => x);
  lib.${name}(xs, async (x: number) => x);
  const a = value.${name}(await named());
  const b = ${name === '__proto__' ? 'value' : name}.from(await named());
  const c = Object.${name}(await named());
  fs.${name}.readFile('x', () => {});
  fs.promises.${name}('x');
  const settled = await Promise.allSettled([named()]);
  settled.${name}((r: any) => r.value);
  for (const item of xs) await value.${name}(item);
  await new Promise((resolve) => value.${name}(resolve));
  return [a, b, c];
}
export class Service {
  async ${name === 'constructor' ? 'build' : name}() { return 1; }
  async use() { const x = { ${name}: async () => 1 }; await x.${name}(); }
}
`;
}

describe('names that Object.prototype also has', () => {
  it.each(prototypeNames)('`%s` in every position: every rule runs, and no message reads undefined', (name) => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        plugins: { asyncwise: plugin as never },
        languageOptions: { parser: tseslint.parser, sourceType: 'module' },
        rules: plugin.configs.all.rules,
      },
    ];
    const messages = linter.verify(sourceUsing(name), config, { filename: 'file.ts' });
    expect(messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
    for (const message of messages) expect(message.message, message.ruleId ?? '').not.toMatch(/undefined|\[object |function \w*\(/);
  });
});
