import rule from '../../src/rules/no-await-expression-member';
import { defineRuleCases } from '../rule-tester';

const wrap = (body: string) => `async function f() {\n  ${body}\n}`;

// Run by ESLint's RuleTester (no-await-expression-member.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      wrap('const { user } = await load();\n  const all = await list();\n  use(await load());'),
      // An assertion between: the member is read off the asserted value.
      wrap('const name = (await load() as Account).name;'),
      wrap('const [first] = await list();'),
    ],
    invalid: [
      {
        code: wrap('const user = (await load()).user;'),
        output: wrap('const { user } = await load();'),
        errors: [{ messageId: 'awaitMember', line: 2, column: 31 }],
      },
      {
        code: 'export const config = (await import("./config.js")).config;',
        output: 'export const { config } = await import("./config.js");',
        errors: [{ messageId: 'awaitMember' }],
      },
      {
        code: wrap('const first = (await list())[0];'),
        errors: [{ messageId: 'awaitMember', suggestions: [{ messageId: 'destructure', output: wrap('const [first] = await list();') }] }],
      },
      {
        code: wrap('let second = (await list())[1];'),
        errors: [{ messageId: 'awaitMember', suggestions: [{ messageId: 'destructure', output: wrap('let [, second] = await list();') }] }],
      },
      // Reported, nothing to rewrite: another name, a return, an optional read, an annotation, a comment, a later index.
      { code: wrap('const name = (await load()).user;'), errors: [{ messageId: 'awaitMember', suggestions: [] }] },
      { code: wrap('return (await load()).user;'), errors: [{ messageId: 'awaitMember' }] },
      { code: wrap('const user = (await load())?.user;'), errors: [{ messageId: 'awaitMember' }] },
      { code: wrap('const user: User = (await load()).user;'), errors: [{ messageId: 'awaitMember' }] },
      { code: wrap('const user = (await load()) /* the account */ .user;'), errors: [{ messageId: 'awaitMember' }] },
      { code: wrap('const third = (await list())[2];'), errors: [{ messageId: 'awaitMember', suggestions: [] }] },
      // The member of the member is not reported again.
      { code: wrap('const count = (await list()).items.length;'), errors: [{ messageId: 'awaitMember', column: 32 }] },
    ],
  },
  {
    host: 'espree',
    valid: [wrap('const { user } = await load();')],
    invalid: [{ code: wrap('const user = (await load()).user;'), output: wrap('const { user } = await load();'), errors: [{ messageId: 'awaitMember' }] }],
  },
]);
