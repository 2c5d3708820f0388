import rule from '../../src/rules/strict-void-return';
import { defineRuleCases } from '../rule-tester';

const run = 'function run(cb: () => void) {}\n';

// Run by ESLint's RuleTester (strict-void-return.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // What a call returns is not shown without types: `save()` may well return void.
      `${run}run(() => save());`,
      `${run}run(() => { save(); });`,
      // Nothing declares what `run` expects.
      'run(() => 1);\nrun(async () => {});\nnames.forEach((n) => `Hi ${n}`);',
      // Values a void return accepts.
      `${run}run(() => {});\nrun(() => undefined);\nrun(() => void save());\nrun(() => {\n  if (done) return;\n  save();\n});`,
      // The place accepts more than void.
      'function run(cb: () => void | Promise<void>) {}\nrun(async () => {});',
      'function run(cb: () => unknown) {}\nrun(() => 1);',
      'function run(cb: () => number) {}\nrun(() => 1);',
      // A name whose return is not declared; one declared void.
      `${run}function done() { return finish(); }\nrun(done);\nfunction quiet(): void {}\nrun(quiet);`,
      // No declared type on the variable, or a function declared to return undefined.
      'let later = () => 1;\nconst cb: () => void = (): undefined => undefined;',
      // An `undefined` that is a local, not the global.
      `${run}function f(undefined: number) {\n  run(() => undefined);\n}`,
      // A base member that returns a value: an override may too.
      'class Base { size(): number { return 0; } }\nclass Sized extends Base { size() { return 1; } }',
      // A handler of a component (props not shown) or a call the syntax cannot read.
      { code: 'const a = <Button onClick={() => 1} />;\nconst b = <button onClick={() => toggle()} />;', filename: 'page.tsx' },
      // A spread argument is not a function in the place.
      `${run}run(...handlers);`,
    ],
    invalid: [
      { code: `${run}run(() => 1);`, errors: [{ messageId: 'nonVoidReturn', line: 2, column: 11 }] },
      { code: `${run}run(() => null);`, errors: [{ messageId: 'nonVoidReturn' }] },
      {
        code: `${run}run(() => count++);`,
        errors: [{ messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: `${run}run(() => void count++);` }] }],
      },
      {
        code: `${run}run(() => (total = 1));`,
        errors: [{ messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: `${run}run(() => void (total = 1));` }] }],
      },
      {
        code: `${run}run(() => total = 1);`,
        errors: [{ messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: `${run}run(() => void (total = 1));` }] }],
      },
      {
        code: `${run}run(async () => {\n  await save();\n});`,
        errors: [
          {
            messageId: 'asyncFunc',
            line: 2,
            column: 14,
            endColumn: 16,
            suggestions: [{ messageId: 'suggestWrapInAsyncIIFE', output: `${run}run(() => void (async () => {\n  await save();\n})());` }],
          },
        ],
      },
      {
        code: `${run}run(async () => save());`,
        errors: [{ messageId: 'asyncFunc', suggestions: [{ messageId: 'suggestAddVoidOp', output: `${run}run(() => void save());` }] }],
      },
      {
        code: `${run}run(async (): Promise<void> => save());`,
        errors: [{ messageId: 'asyncFunc', suggestions: [{ messageId: 'suggestAddVoidOp', output: `${run}run((): void => void save());` }] }],
      },
      // The body needs `async`: no `void` suggestion; nothing to run for a value with no effect.
      { code: `${run}run(async () => await save());`, errors: [{ messageId: 'asyncFunc', suggestions: [] }] },
      { code: `${run}run(async () => 1);`, errors: [{ messageId: 'asyncFunc', suggestions: [] }] },
      {
        code: `${run}run(async function () {\n  await save();\n});`,
        errors: [
          {
            messageId: 'asyncFunc',
            suggestions: [{ messageId: 'suggestWrapInAsyncIIFE', output: `${run}run(function () { (async () => {\n  await save();\n})(); });` }],
          },
        ],
      },
      { code: `${run}run(function* () {\n  yield 1;\n});`, errors: [{ messageId: 'nonVoidFunc', line: 2, column: 5 }] },
      {
        code: `${run}run(function () {\n  if (ready) return 1;\n  return;\n});`,
        errors: [{ messageId: 'nonVoidReturn', line: 3, column: 14 }],
      },
      { code: `${run}run((): number => {\n  return 1;\n});`, errors: [{ messageId: 'nonVoidFunc', line: 2, column: 9 }] },
      // A name declared to return a promise.
      { code: `${run}async function save() {}\nrun(save);`, errors: [{ messageId: 'nonVoidFunc', line: 3 }] },
      // Annotated variables and assignments.
      { code: 'const cb: () => void = () => ({ ok: true });', errors: [{ messageId: 'nonVoidReturn' }] },
      { code: 'let cb: () => void;\ncb = () => `done`;', errors: [{ messageId: 'nonVoidReturn' }] },
      // An object's method where the object's type declares a void one.
      { code: 'const handlers: { close(): void } = {\n  close() {\n    return 1;\n  },\n};', errors: [{ messageId: 'nonVoidReturn', line: 3 }] },
      // Catalogued platform callbacks and intrinsic elements' handlers.
      {
        code: 'process.on("exit", () => code = 1);',
        errors: [{ messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: 'process.on("exit", () => void (code = 1));' }] }],
      },
      {
        code: 'const a = <button onClick={() => count++} />;',
        filename: 'page.tsx',
        errors: [{ messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: 'const a = <button onClick={() => void count++} />;' }] }],
      },
      // Members that override or implement a void member.
      {
        code: 'interface Listener { handle(): void }\nclass Logger implements Listener {\n  handle() {\n    return 1;\n  }\n}',
        errors: [{ messageId: 'nonVoidReturn', line: 4 }],
      },
      {
        code: 'class Base { run(): void {} }\nclass Job extends Base {\n  async run() {\n    await work();\n  }\n}',
        errors: [
          {
            messageId: 'asyncFunc',
            line: 3,
            suggestions: [
              {
                messageId: 'suggestWrapInAsyncIIFE',
                output: 'class Base { run(): void {} }\nclass Job extends Base {\n  run() { (async () => {\n    await work();\n  })(); }\n}',
              },
            ],
          },
        ],
      },
      { code: 'class Base { run(): void {} }\nclass Job extends Base {\n  run = () => 1;\n}', errors: [{ messageId: 'nonVoidReturn', line: 3 }] },
      // A returned function where the enclosing one is declared to return a void function.
      { code: 'function make(): () => void {\n  return () => 1;\n}', errors: [{ messageId: 'nonVoidReturn', line: 2 }] },
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare function run(cb: () => void): void;\nrun(() => console.log(1));\nrun(() => undefined);\nrun(() => {});',
      // One overload takes a value-returning callback: the call may mean that one.
      'declare function on(cb: () => void): void;\ndeclare function on(cb: () => number): void;\non(() => 1);',
      { code: 'declare function fn(cb: () => void): void;\nfn(() => JSON.parse("{}"));', options: [{ allowReturnAny: true }] },
      'declare function fn(cb: () => void): void;\ndeclare function done(): void;\nfn(done);',
      // A static member implements nothing of the interface: the instances do (typescript-eslint reports this).
      'interface Listener { handle(event: string): void }\nexport class Counter implements Listener {\n  count = 0;\n  handle() {}\n  static handle() {\n    return 2;\n  }\n}',
      // A getter's value is the member; the getter itself is not the void function.
      'interface Listener { onExit: () => void }\nexport class Counter implements Listener {\n  count = 0;\n  get onExit() {\n    return () => {\n      this.count = 1;\n    };\n  }\n}',
    ],
    invalid: [
      // typescript-eslint's documented examples.
      { code: 'const bad: () => void = () => 2137;', errors: [{ messageId: 'nonVoidReturn' }] },
      { code: "['Kazik', 'Zenek'].forEach((name) => `Hello, ${name}!`);", errors: [{ messageId: 'nonVoidReturn' }] },
      {
        code: 'declare function takesCallback(cb: () => void): void;\ntakesCallback(async () => {\n  await fetch("https://api.example.com/");\n});',
        errors: [
          {
            messageId: 'asyncFunc',
            suggestions: [
              {
                messageId: 'suggestWrapInAsyncIIFE',
                output: 'declare function takesCallback(cb: () => void): void;\ntakesCallback(() => void (async () => {\n  await fetch("https://api.example.com/");\n})());',
              },
            ],
          },
        ],
      },
      {
        code: 'declare function fn(cb: () => void): void;\nfn(() => JSON.parse("{}"));',
        errors: [
          { messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: 'declare function fn(cb: () => void): void;\nfn(() => void JSON.parse("{}"));' }] },
        ],
      },
      // An array of void functions: the element type is only read with types.
      { code: 'const steps: Array<() => void> = [() => 1];', errors: [{ messageId: 'nonVoidReturn' }] },
      // Only types show what `total` and `size` are.
      { code: 'declare function run(cb: () => void): void;\ndeclare const size: () => number;\nrun(size);', errors: [{ messageId: 'nonVoidFunc' }] },
      {
        code: 'declare const api: { each(cb: () => void): void; total(): number };\napi.each(() => api.total());',
        errors: [{ messageId: 'nonVoidReturn', suggestions: [{ messageId: 'suggestAddVoidOp', output: 'declare const api: { each(cb: () => void): void; total(): number };\napi.each(() => void api.total());' }] }],
      },
      // addEventListener: one overload's listener returns `any`, the other `void`.
      { code: 'document.addEventListener("click", () => "Clicked");', errors: [{ messageId: 'nonVoidReturn' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['run(() => 1);', 'process.on("exit", () => save());'],
    invalid: [
      {
        code: 'process.on("exit", async () => {\n  await save();\n});',
        errors: [
          {
            messageId: 'asyncFunc',
            suggestions: [{ messageId: 'suggestWrapInAsyncIIFE', output: 'process.on("exit", () => void (async () => {\n  await save();\n})());' }],
          },
        ],
      },
    ],
  },
]);
