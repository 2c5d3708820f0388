import rule from '../../src/rules/no-thenable';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-thenable.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Calling or reading `then` is not adding one.
      'promise.then(use);\nconst next = job.then;\nconst { then } = legacy;',
      // Other keys; a computed key the code does not show.
      'const a = { than: 1, thenable: true, [key]: 1 };\nclass B { thenAll() {} }',
      'let key = "then";\nkey = other;\nconst c = { [key]: 1 };',
      // Not the built-in `Object`, not enough arguments, an export of another name.
      'function f(Object) {\n  Object.defineProperty(x, "then", {});\n}\nReflect.defineProperty(x, "then");\nexport { then as next };',
      // Only a callable `then` makes a thenable: data named `then` is not one (a JSON schema's if/then/else).
      'const schema = { if: { type: "string" }, then: { minLength: 1 }, else: false };\nclass C { static then = 1; }\nx.then = null;\nexport const then = "next";\nconst o = Object.fromEntries([["then", 1]]);',
      // A type is not a value.
      'interface Lazy { then(): void }\ntype T = { then: number };',
    ],
    invalid: [
      { code: 'const a = { then() {} };', errors: [{ messageId: 'thenableObject', line: 1, column: 13 }] },
      {
        code: 'const a = { get then() { return 1; }, "then": run, [`then`]: () => {} };',
        errors: [{ messageId: 'thenableObject' }, { messageId: 'thenableObject' }, { messageId: 'thenableObject' }],
      },
      { code: 'const KEY = "then";\nconst a = { [KEY]: run };', errors: [{ messageId: 'thenableObject', line: 2 }] },
      { code: 'class A { then() {} }', errors: [{ messageId: 'thenableClass' }] },
      { code: 'class A { static then = () => {}; get ["then"]() { return 1; } }', errors: [{ messageId: 'thenableClass' }, { messageId: 'thenableClass' }] },
      { code: 'config.then = () => {};\nconfig["then"] ??= fallback;', errors: [{ messageId: 'thenableObject' }, { messageId: 'thenableObject' }] },
      { code: 'Object.defineProperty(x, "then", { value: 1 });\nReflect.defineProperty(x, `then`, {});', errors: [{ messageId: 'thenableObject' }, { messageId: 'thenableObject' }] },
      { code: 'const o = Object.fromEntries([["then", run], ["other", 2]]);', errors: [{ messageId: 'thenableObject' }] },
      { code: 'function run() {}\nexport { run as then };', errors: [{ messageId: 'thenableExport', line: 2 }] },
      { code: 'export function then() {}', errors: [{ messageId: 'thenableExport' }] },
      { code: 'export class then {}', errors: [{ messageId: 'thenableExport' }] },
      { code: 'export const then = () => {}, other = 2;', errors: [{ messageId: 'thenableExport' }] },
      { code: 'export let then;', errors: [{ messageId: 'thenableExport' }] },
      { code: 'export const { then } = legacy;', errors: [{ messageId: 'thenableExport' }] },
      { code: 'const run = 1;\nexport { run as "then" };', errors: [{ messageId: 'thenableExport' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['promise.then(use);'],
    invalid: [{ code: 'module.exports = { then() {} };', errors: [{ messageId: 'thenableObject' }] }],
  },
]);
