import rule from '../../src/rules/valid-params';
import { defineRuleCases } from '../rule-tester';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const a = Promise.resolve(), b = Promise.resolve(1), c = Promise.reject(new Error("x"));',
      'export const p = Promise.all([fetch("/a")]), q = Promise.race([]), r = Promise.allSettled([]), s = Promise.any([]);',
      'export const p = fetch("/a").then((r) => r.ok), q = fetch("/a").then((r) => r.ok, () => false);',
      'export const p = fetch("/a").catch(() => null).finally(() => {});',
      // not-known-promise: other objects' methods of the same names (eslint-plugin-promise reports these).
      'export function go(router, cy) {\n  router.resolve();\n  cy.get("a").then();\n}',
      "import { z } from 'zod';\nexport const s = z.string().catch();",
      // spread-argument: the count is not known.
      'declare const handlers: [(v: Response) => void];\nexport const p = fetch("/a").then(...handlers);',
      // exclude
      { code: 'export const p = fetch("/a").then();', options: [{ exclude: ['then'] }] },
      // A local Promise.
      'import Promise from "bluebird";\nexport const p = Promise.resolve(1, 2);',
    ],
    invalid: [
      {
        code: 'export const p = Promise.resolve(1, 2);',
        errors: [{ messageId: 'requireOneOptionalArgument', data: { name: 'resolve', numArgs: 2 }, line: 1, column: 18 }],
      },
      { code: 'export const p = Promise.reject(new Error("a"), 2);', errors: [{ messageId: 'requireOneOptionalArgument' }] },
      { code: 'export const p = Promise.all();', errors: [{ messageId: 'requireOneArgument', data: { name: 'all', numArgs: 0 } }] },
      { code: 'export const p = Promise.race([fetch("/a")], 1);', errors: [{ messageId: 'requireOneArgument' }] },
      { code: 'export const p = fetch("/a").then();', errors: [{ messageId: 'requireTwoOptionalArguments', data: { name: 'then', numArgs: 0 } }] },
      { code: 'export const p = fetch("/a").then((r) => r, () => 0, 3);', errors: [{ messageId: 'requireTwoOptionalArguments', data: { name: 'then', numArgs: 3 } }] },
      { code: 'export const p = fetch("/a").catch();', errors: [{ messageId: 'requireOneArgument', data: { name: 'catch', numArgs: 0 } }] },
      { code: 'export const p = fetch("/a").finally(() => {}, 1);', errors: [{ messageId: 'requireOneArgument', data: { name: 'finally', numArgs: 2 } }] },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = Promise.resolve(1);'],
    invalid: [{ code: 'export const p = Promise.any();', errors: [{ messageId: 'requireOneArgument' }] }],
  },
]);
