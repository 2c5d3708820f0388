import path from 'node:path';
import rule from '../../src/rules/prefer-top-level-await';
import { defineRuleCases } from '../rule-tester';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
/** A `.js` file of a package with `"type": "module"`, one of a package with `"type": "commonjs"`, and one of a package that says neither. */
const esmFile = path.join(fixtures, 'esm-package', 'main.js');
const commonJsFile = path.join(fixtures, 'commonjs-package', 'main.js');
const untypedFile = path.join(fixtures, 'cli-package', 'lib', 'main.js');

const main = 'async function main() {\n  await fetch("/a");\n}\n';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Already awaited, discarded on purpose, or kept for later.
      `export {};\n${main}await main();`,
      `export {};\n${main}void main();`,
      `export {};\n${main}const done = main();\nexport async function ready() {\n  await done;\n}`,
      `export {};\n${main}await Promise.all([main(), main()]);`,
      // Not at the top level.
      `export {};\n${main}export function start() {\n  main();\n}`,
      `export {};\n${main}export class Job {\n  field = main();\n}`,
      // not-es-module: a CommonJS file, where top-level await does not parse.
      { code: `${main}main();`, filename: 'main.cjs' },
      { code: `${main}main().catch(() => process.exit(1));`, filename: 'main.cts' },
      { code: `${main}main();`, filename: commonJsFile },
      // not-es-module: a .js file with no module syntax in a package whose package.json has no "type".
      { code: `${main}main();`, filename: untypedFile },
      // import syntax in a package without a `type`: its build may emit CommonJS (tsup's default).
      { code: `import { run } from './run';\nrun().catch(() => process.exit(1));`, filename: path.join(fixtures, 'cli-package', 'cli.ts') },
      { code: '(async () => {\n  await fetch("/a");\n})();', filename: untypedFile },
      // not-known-promise: nothing shows the receiver is a promise (a zod schema's `.catch`, a query builder).
      'import { z } from "zod";\nexport const schema = z.string().catch("");\nschema.catch("x");',
      'import { db } from "./db";\ndb.query("select 1").then((rows) => console.log(rows));',
      // A name that is not an async function, or is reassigned.
      'import { run } from "./run";\nrun();',
      'export {};\nlet main = async () => {};\nmain = () => {};\nmain();',
      // An async generator's call starts nothing.
      'export {};\nasync function* lines() {}\nlines();',
      // A variable initialised with a chain is kept for later, as unicorn allows.
      'export const ready = fetch("/a").then((r) => r.json());',
    ],
    invalid: [
      {
        code: `export {};\n${main}main();`,
        errors: [{ messageId: 'identifier', data: { name: 'main' }, line: 5, column: 1, suggestions: [{ messageId: 'addAwait', output: `export {};\n${main}await main();` }] }],
      },
      {
        // Inside an expression `await` would change what is passed on: reported, no suggestion.
        code: `export {};\n${main}console.log(main());`,
        errors: [{ messageId: 'identifier', line: 5, column: 13 }],
      },
      {
        code: 'export {};\nconst main = async () => {};\nmain();',
        errors: [{ messageId: 'identifier', suggestions: [{ messageId: 'addAwait', output: 'export {};\nconst main = async () => {};\nawait main();' }] }],
      },
      {
        code: `export {};\n${main}main().catch((error) => {\n  console.error(error);\n  process.exit(1);\n});`,
        errors: [{ messageId: 'promise', line: 5, column: 8 }],
      },
      {
        code: 'fetch("/a").then((r) => r.json());\nexport {};',
        errors: [{ messageId: 'promise', column: 13 }],
      },
      {
        code: '(async () => {\n  await fetch("/a");\n})();',
        filename: 'main.mjs',
        errors: [{ messageId: 'iife', line: 1, column: 2 }],
      },
      {
        code: '(async function () {\n  await fetch("/a");\n})();',
        filename: 'main.mts',
        errors: [{ messageId: 'iife' }],
      },
      {
        // A .js file without module syntax in a package with "type": "module" is an ES module.
        code: `${main}main();`,
        filename: esmFile,
        errors: [{ messageId: 'identifier', suggestions: [{ messageId: 'addAwait', output: `${main}await main();` }] }],
      },
      {
        code: `export {};\n${main}if (process.env.RUN) {\n  main();\n}`,
        errors: [{ messageId: 'identifier', line: 6, suggestions: [{ messageId: 'addAwait', output: `export {};\n${main}if (process.env.RUN) {\n  await main();\n}` }] }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['import { db } from "./db";\ndeclare const query: { then(f: () => void): void };\nquery.then(() => {});'],
    invalid: [
      {
        code: 'declare const pending: Promise<void>;\npending.then(() => {});\nexport {};',
        errors: [{ messageId: 'promise', line: 2 }],
      },
    ],
  },
  {
    host: 'espree',
    valid: [{ code: `${main}main();`, filename: commonJsFile }],
    invalid: [{ code: `export {};\n${main}main();`, errors: [{ messageId: 'identifier', suggestions: [{ messageId: 'addAwait', output: `export {};\n${main}await main();` }] }] }],
  },
]);
