import rule from '../../src/rules/require-await';
import { defineRuleCases } from '../rule-tester';

/** An invalid case: one report named `name`, whose suggestion (if any) gives `output`. */
function missing(code: string, name: string, output: string | null, at: { line?: number; column?: number; endColumn?: number } = {}) {
  return {
    code,
    errors: [
      {
        messageId: 'missingAwait' as const,
        data: { name },
        ...at,
        suggestions: output === null ? [] : [{ messageId: 'removeAsync' as const, output }],
      },
    ],
  };
}

const inferred = 'function read() {\n  return "x";\n}\nexport async function load() {\n  return read();\n}';

// Run by ESLint's RuleTester (require-await.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'async function load() {\n  await fetch("/ping");\n}',
      'async function copy(source: AsyncIterable<string>) {\n  for await (const line of source) console.log(line);\n}',
      'async function use() {\n  await using handle = open();\n}',
      'function count() {\n  return 1;\n}',
      // Empty: a deliberate no-op that returns a promise.
      'async function noop() {}\nconst idle = async () => {};',
      // overrides-member: the override keeps the async signature of the member it overrides.
      'abstract class Store {\n  abstract close(): Promise<void>;\n}\nexport class Memory extends Store {\n  open = true;\n  override async close(): Promise<void> {\n    this.open = false;\n  }\n}',
      // implements-member: an interface or base that declares the method, or one the file does not show.
      'interface Driver {\n  connect(): Promise<void>;\n}\nexport class MemoryDriver implements Driver {\n  connected = false;\n  async connect(): Promise<void> {\n    this.connected = true;\n  }\n}',
      'import { Driver } from "./driver";\nexport class MemoryDriver implements Driver {\n  async connect() {\n    return 1;\n  }\n}',
      'import { Base } from "./base";\nexport class Child extends Base {\n  protected async load() {\n    return 1;\n  }\n}',
      'export class Child extends mixin(Base) {\n  async load() {\n    return 1;\n  }\n}',
      // An object literal written against a type: its methods implement that type's members.
      "import type { Event } from './event';\nexport default {\n  name: 'ready',\n  async execute() {\n    console.log('ready');\n  },\n} satisfies Event;",
      "import type { Handlers } from './handlers';\nexport const handlers: Handlers = {\n  onMessage: async () => {\n    return 1;\n  },\n};",
      // throws-as-rejection: `async` turns the throw into the rejection callers catch.
      'export class GroupChannel {\n  async delete() {\n    throw new Error("a group DM cannot be deleted");\n  }\n}',
      'export async function parse(text: string) {\n  if (!text) throw new TypeError("empty");\n  return text.length;\n}',
      'export async function check(n: number) {\n  try {\n    if (n < 0) throw new RangeError("negative");\n  } catch {\n    return 0;\n  } finally {\n    console.log(n);\n  }\n  throw new Error("unreachable");\n}',
      // Returns a promise the code shows, or a value nothing shows is not one: it may be returned on purpose.
      'async function load() {\n  return fetch("/ping");\n}',
      'export async function find(db: { query(q: string): unknown }) {\n  return db.query("select 1");\n}',
      'export const get = async (url: string) => http.get(url);',
      // A function without a declared return type: only types know what `read()` returns.
      inferred,
      // Async generators that delegate or yield something that may be a promise.
      'async function* all(source: AsyncIterable<number>) {\n  yield* source;\n}',
      'async function* pages() {\n  yield fetch("/page/1");\n}',
    ],
    invalid: [
      missing('async function count() {\n  return 1;\n}', "Async function 'count'", 'function count() {\n  return 1;\n}', { line: 1, column: 1, endColumn: 21 }),
      // Without `override`, a method that overrides nothing the file says is reported.
      missing(
        'export class Memory {\n  open = true;\n  async close(): Promise<void> {\n    this.open = false;\n  }\n}',
        "Async method 'close'",
        'export class Memory {\n  open = true;\n  close(): void {\n    this.open = false;\n  }\n}',
      ),
      // A throw its own try catches, or one in a function of its own, leaves nothing to reject.
      missing(
        'export async function safe(text: string) {\n  try {\n    if (!text) throw new TypeError("empty");\n  } catch {\n    return 0;\n  }\n  [1].forEach(() => {\n    throw new Error("inner");\n  });\n  return 1;\n}',
        "Async function 'safe'",
        'export function safe(text: string) {\n  try {\n    if (!text) throw new TypeError("empty");\n  } catch {\n    return 0;\n  }\n  [1].forEach(() => {\n    throw new Error("inner");\n  });\n  return 1;\n}',
      ),
      missing(
        'export const log = async (message: string) => {\n  console.log(message);\n};',
        'Async arrow function',
        'export const log = (message: string) => {\n  console.log(message);\n};',
        { line: 1, column: 44, endColumn: 46 },
      ),
      missing('export const ready = async () => true;', 'Async arrow function', 'export const ready = () => true;'),
      missing(
        'class Store {\n  dirty = true;\n  async save() {\n    this.dirty = false;\n  }\n}',
        "Async method 'save'",
        'class Store {\n  dirty = true;\n  save() {\n    this.dirty = false;\n  }\n}',
        { line: 3, column: 3, endColumn: 13 },
      ),
      missing(
        'class Store {\n  static async open(name: string) {\n    return { name };\n  }\n}',
        "Static async method 'open'",
        'class Store {\n  static open(name: string) {\n    return { name };\n  }\n}',
      ),
      missing('class Job {\n  async #run() {\n    return 1;\n  }\n}', 'Private async method #run', 'class Job {\n  #run() {\n    return 1;\n  }\n}'),
      // An object literal checked against nothing: its methods implement nothing.
      missing(
        'export const store = {\n  async load() {\n    return 1;\n  },\n};',
        "Async method 'load'",
        'export const store = {\n  load() {\n    return 1;\n  },\n};',
      ),
      // A private method implements nothing, whatever the class's bases.
      missing(
        'class Job extends Base {\n  async #run() {\n    return 1;\n  }\n}',
        'Private async method #run',
        'class Job extends Base {\n  #run() {\n    return 1;\n  }\n}',
      ),
      missing(
        'class Job implements Runner {\n  private async step() {\n    return 1;\n  }\n}',
        "Async method 'step'",
        'class Job implements Runner {\n  private step() {\n    return 1;\n  }\n}',
      ),
      missing('const api = {\n  async ping() {\n    return "pong";\n  },\n};', "Async method 'ping'", 'const api = {\n  ping() {\n    return "pong";\n  },\n};'),
      missing('const api = { ping: async () => "pong" };', "Async method 'ping'", 'const api = { ping: () => "pong" };', { column: 15, endColumn: 27 }),
      missing('class Button {\n  onClick = async () => {\n    this.clicks++;\n  };\n}', "Async method 'onClick'", 'class Button {\n  onClick = () => {\n    this.clicks++;\n  };\n}'),
      // A declared Promise<T> becomes T; AsyncGenerator becomes Generator.
      missing('async function total(): Promise<number> {\n  return 1 + 2;\n}', "Async function 'total'", 'function total(): number {\n  return 1 + 2;\n}'),
      missing(
        'async function* numbers(): AsyncGenerator<number> {\n  yield 1;\n  yield 2;\n}',
        "Async generator function 'numbers'",
        'function* numbers(): Generator<number> {\n  yield 1;\n  yield 2;\n}',
      ),
      // A declared type the declaration index reads shows the value is no promise.
      missing(
        'declare const client: { get(): string };\nexport async function load() {\n  return client.get();\n}',
        "Async function 'load'",
        'declare const client: { get(): string };\nexport function load() {\n  return client.get();\n}',
      ),
      // Any other declared type would no longer fit: reported, nothing suggested.
      missing('async function total(): PromiseLike<number> {\n  return 1;\n}', "Async function 'total'", null),
      // An await in a nested function is that function's.
      missing(
        'async function outer() {\n  const inner = async () => {\n    await tick();\n  };\n  console.log(inner);\n}',
        "Async function 'outer'",
        'function outer() {\n  const inner = async () => {\n    await tick();\n  };\n  console.log(inner);\n}',
      ),
      // A JSX handler.
      {
        ...missing(
          'export const Toggle = () => <button onClick={async () => {\n  setOpen(true);\n}} />;',
          'Async arrow function',
          'export const Toggle = () => <button onClick={() => {\n  setOpen(true);\n}} />;',
          { line: 1, column: 55, endColumn: 57 },
        ),
        filename: 'page.tsx',
      },
      // Without `async`, the next line would continue the previous one: a `;` takes its place.
      missing('class Cache {\n  size = 0\n  async [Symbol.iterator]() {\n    return 1;\n  }\n}', 'Async method', 'class Cache {\n  size = 0\n  ;[Symbol.iterator]() {\n    return 1;\n  }\n}'),
      missing('const a = 1\nasync () => {\n  console.log(a);\n};', 'Async arrow function', 'const a = 1\n;() => {\n  console.log(a);\n};'),
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare const client: { get(): Promise<string> };\nexport async function load() {\n  return client.get();\n}',
      'declare function source(): AsyncIterable<number>;\nasync function* all() {\n  yield* source();\n}',
      // With types, a base that declares the method: an interface, or a base class's own base.
      'interface Driver {\n  connect(): Promise<void>;\n}\nexport class MemoryDriver implements Driver {\n  connected = false;\n  async connect(): Promise<void> {\n    this.connected = true;\n  }\n}',
      'declare class Root {\n  load(): Promise<number>;\n}\nclass Base extends Root {}\nexport class Child extends Base {\n  async load() {\n    return 1;\n  }\n}',
      "interface Event {\n  name: string;\n  execute(): Promise<void>;\n}\nexport default {\n  name: 'ready',\n  async execute() {\n    console.log('ready');\n  },\n} satisfies Event;",
      'declare function on(handlers: { ready(): Promise<void> }): void;\non({\n  async ready() {\n    console.log("ready");\n  },\n});',
      'declare class Base {\n  static open(): Promise<Base>;\n}\nexport class Child extends Base {\n  static async open() {\n    return new Child();\n  }\n}',
    ],
    invalid: [
      // With types, an object literal's method that the type it is checked against does not declare.
      missing(
        'declare function register(handlers: object): void;\nregister({\n  async load() {\n    return 1;\n  },\n});',
        "Async method 'load'",
        'declare function register(handlers: object): void;\nregister({\n  load() {\n    return 1;\n  },\n});',
      ),
      // With types, a method that no base declares is reported even in a class with bases.
      missing(
        'interface Driver {\n  connect(): Promise<void>;\n}\nexport class MemoryDriver implements Driver {\n  async connect(): Promise<void> {}\n  async label() {\n    return "memory";\n  }\n}',
        "Async method 'label'",
        'interface Driver {\n  connect(): Promise<void>;\n}\nexport class MemoryDriver implements Driver {\n  async connect(): Promise<void> {}\n  label() {\n    return "memory";\n  }\n}',
      ),
      // Only types show `read()` is no promise.
      missing(inferred, "Async function 'load'", 'function read() {\n  return "x";\n}\nexport function load() {\n  return read();\n}'),
      missing('async function* pair() {\n  yield* [1, 2];\n}', "Async generator function 'pair'", 'function* pair() {\n  yield* [1, 2];\n}'),
    ],
  },
  {
    host: 'espree',
    valid: ['async function load() {\n  await fetch("/ping");\n}', 'async function load(db) {\n  return db.query("x");\n}'],
    invalid: [missing('async function count() {\n  return 1;\n}', "Async function 'count'", 'function count() {\n  return 1;\n}')],
  },
]);
