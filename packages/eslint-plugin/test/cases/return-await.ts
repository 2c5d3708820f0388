import type { ReturnAwaitMode } from '@asyncwise/analysis';
import rule from '../../src/rules/return-await';
import { defineRuleCases } from '../rule-tester';

type Problem = 'requiredPromiseAwait' | 'disallowedPromiseAwait' | 'nonPromiseAwait';

const suggestionOf = {
  requiredPromiseAwait: 'requiredPromiseAwaitSuggestion',
  disallowedPromiseAwait: 'disallowedPromiseAwaitSuggestion',
  nonPromiseAwait: 'nonPromiseAwaitSuggestion',
} as const;

/** An invalid case: one report, whose suggestion (if any) gives `output`. */
function returned(code: string, messageId: Problem, output: string | null, extra: { mode?: ReturnAwaitMode; line?: number } = {}) {
  return {
    code,
    ...(extra.mode ? { options: [extra.mode] as [ReturnAwaitMode] } : {}),
    errors: [
      {
        messageId,
        ...(extra.line === undefined ? {} : { line: extra.line }),
        suggestions: output === null ? [] : [{ messageId: suggestionOf[messageId], output }],
      },
    ],
  };
}

const load = 'async function load() {\n  return 1;\n}\n';

// Run by ESLint's RuleTester (return-await.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Ordinary context: returned as it is, as the default mode wants.
      `${load}export async function f() {\n  return load();\n}`,
      // Error-handling context: awaited.
      `${load}export async function f() {\n  try {\n    return await load();\n  } catch {\n    return 0;\n  }\n}`,
      // Nothing shows what these are: a parameter, an unknown call, a member of an import.
      'import { db } from "./db";\nexport async function f(get: () => Promise<number>) {\n  try {\n    return db.read();\n  } catch {\n    return get();\n  }\n}',
      'export async function f(value: unknown) {\n  return await value;\n}',
      // A function that is not async: a returned promise is its caller's to await.
      `${load}export function f() {\n  try {\n    return load();\n  } catch {\n    return null;\n  }\n}`,
      // A catch without finally, and a finally, pass the question to the try statement around them: none here.
      `${load}export async function f() {\n  try {\n    await load();\n  } catch {\n    return load();\n  }\n}`,
      `${load}export async function f() {\n  try {\n    await load();\n  } finally {\n    return load();\n  }\n}`,
      // A function inside the try has its own context.
      `${load}export async function f() {\n  try {\n    return [1].map(async () => load());\n  } catch {\n    return [];\n  }\n}`,
      // A union with a non-promise may need no await: typescript-eslint's "may be awaited".
      'export async function f(value: number | Promise<number>) {\n  try {\n    return value;\n  } catch {\n    return 0;\n  }\n}',
      // Modes: `error-handling-correctness-only` does not care outside try/catch; `always` wants the await.
      { code: `${load}export async function f() {\n  return await load();\n}`, options: ['error-handling-correctness-only'] },
      { code: `${load}export async function f() {\n  return load();\n}`, options: ['error-handling-correctness-only'] },
      { code: `${load}export async function f() {\n  return await load();\n}`, options: ['always'] },
      { code: `${load}export async function f() {\n  try {\n    return load();\n  } catch {\n    return 0;\n  }\n}`, options: ['never'] },
      // A bare return, a getter-free class field: nothing returned by an async function.
      'export async function f() {\n  return;\n}',
    ],
    invalid: [
      // The bug the rule exists for: the rejection of `load()` would skip this catch.
      returned(
        `${load}export async function f() {\n  try {\n    return load();\n  } catch {\n    return 0;\n  }\n}`,
        'requiredPromiseAwait',
        `${load}export async function f() {\n  try {\n    return await load();\n  } catch {\n    return 0;\n  }\n}`,
        { line: 6 },
      ),
      // A catch followed by a finally: the finally would run before the promise settles.
      returned(
        `${load}export async function f(done: () => void) {\n  try {\n    await load();\n  } catch {\n    return load();\n  } finally {\n    done();\n  }\n}`,
        'requiredPromiseAwait',
        `${load}export async function f(done: () => void) {\n  try {\n    await load();\n  } catch {\n    return await load();\n  } finally {\n    done();\n  }\n}`,
      ),
      // A try around the finally block decides for it.
      returned(
        `${load}export async function f() {\n  try {\n    try {\n      await load();\n    } finally {\n      return load();\n    }\n  } catch {\n    return 0;\n  }\n}`,
        'requiredPromiseAwait',
        `${load}export async function f() {\n  try {\n    try {\n      await load();\n    } finally {\n      return await load();\n    }\n  } catch {\n    return 0;\n  }\n}`,
      ),
      // Each branch of a conditional on its own.
      returned(
        `${load}export async function f(cached: boolean) {\n  try {\n    return cached ? 0 : load();\n  } catch {\n    return 0;\n  }\n}`,
        'requiredPromiseAwait',
        `${load}export async function f(cached: boolean) {\n  try {\n    return cached ? 0 : await load();\n  } catch {\n    return 0;\n  }\n}`,
      ),
      // A promise the code builds itself.
      returned(
        'export async function f(ms: number) {\n  try {\n    return new Promise((resolve) => setTimeout(resolve, ms));\n  } catch {\n    return undefined;\n  }\n}',
        'requiredPromiseAwait',
        'export async function f(ms: number) {\n  try {\n    return await new Promise((resolve) => setTimeout(resolve, ms));\n  } catch {\n    return undefined;\n  }\n}',
      ),
      // A `using` declaration before the return: the resource is disposed of when the function returns.
      returned(
        `${load}export async function f(open: () => AsyncDisposable) {\n  await using resource = open();\n  return load();\n}`,
        'requiredPromiseAwait',
        `${load}export async function f(open: () => AsyncDisposable) {\n  await using resource = open();\n  return await load();\n}`,
      ),
      // Ordinary context: the await adds a microtask and nothing else.
      returned(
        `${load}export async function f() {\n  return await load();\n}`,
        'disallowedPromiseAwait',
        `${load}export async function f() {\n  return load();\n}`,
      ),
      returned(`${load}export const f = async () => await load();`, 'disallowedPromiseAwait', `${load}export const f = async () => load();`),
      // An awaited value the code shows is no promise, in any mode.
      returned('export async function f() {\n  return await 1;\n}', 'nonPromiseAwait', 'export async function f() {\n  return 1;\n}'),
      returned('export async function f() {\n  return await 1;\n}', 'nonPromiseAwait', 'export async function f() {\n  return 1;\n}', { mode: 'always' }),
      // No suggestion where the line break after `await` would end the statement.
      returned(`${load}export async function f() {\n  return await\n    load();\n}`, 'disallowedPromiseAwait', null),
      // Modes.
      returned(`${load}export async function f() {\n  return load();\n}`, 'requiredPromiseAwait', `${load}export async function f() {\n  return await load();\n}`, {
        mode: 'always',
      }),
      returned(`${load}export const f = async () => load();`, 'requiredPromiseAwait', `${load}export const f = async () => await load();`, { mode: 'always' }),
      returned(
        `${load}export async function f() {\n  try {\n    return await load();\n  } catch {\n    return 0;\n  }\n}`,
        'disallowedPromiseAwait',
        `${load}export async function f() {\n  try {\n    return load();\n  } catch {\n    return 0;\n  }\n}`,
        { mode: 'never' },
      ),
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare function get(): Promise<string>;\nexport async function f() {\n  return get();\n}',
      // `any` and a possibly-undefined promise may or may not need the await.
      'declare const maybe: Promise<number> | undefined;\nexport async function f(value: any) {\n  try {\n    return maybe;\n  } catch {\n    return value;\n  }\n}',
    ],
    invalid: [
      // Only types show what `get()` returns.
      returned(
        'declare function get(): Promise<string>;\nexport async function f() {\n  try {\n    return get();\n  } catch {\n    return "";\n  }\n}',
        'requiredPromiseAwait',
        'declare function get(): Promise<string>;\nexport async function f() {\n  try {\n    return await get();\n  } catch {\n    return "";\n  }\n}',
      ),
      returned(
        'declare function size(): number;\nexport async function f() {\n  return await size();\n}',
        'nonPromiseAwait',
        'declare function size(): number;\nexport async function f() {\n  return size();\n}',
      ),
    ],
  },
  {
    host: 'espree',
    valid: ['async function f(db) {\n  try {\n    return db.query("x");\n  } catch (error) {\n    return null;\n  }\n}'],
    invalid: [
      returned(
        'async function load() {\n  return 1;\n}\nasync function f() {\n  try {\n    return load();\n  } catch (error) {\n    return 0;\n  }\n}',
        'requiredPromiseAwait',
        'async function load() {\n  return 1;\n}\nasync function f() {\n  try {\n    return await load();\n  } catch (error) {\n    return 0;\n  }\n}',
      ),
    ],
  },
]);
