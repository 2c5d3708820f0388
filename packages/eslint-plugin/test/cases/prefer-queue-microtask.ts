import rule from '../../src/rules/prefer-queue-microtask';
import { defineRuleCases } from '../rule-tester';

const timers = [{ checkSetImmediate: true, checkSetTimeout: true }] as const;

// Run by ESLint's RuleTester (prefer-queue-microtask.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'queueMicrotask(run);',
      // Timers are checked only when asked for.
      'setImmediate(run);\nsetTimeout(run, 0);',
      // A local `process`, an optional call; a result that is used; a delay; a value that is no callback.
      'function f(process) {\n  process.nextTick(run);\n}\nprocess.nextTick?.(run);',
      { code: 'const handle = setImmediate(run);\nsetTimeout(run, 10);\nsetTimeout("code()", 0);', options: timers },
      { code: 'function f(setTimeout) {\n  setTimeout(run, 0);\n}', options: timers },
    ],
    invalid: [
      {
        code: 'process.nextTick(() => flush());',
        errors: [
          {
            messageId: 'preferQueueMicrotask',
            data: { name: 'process.nextTick()' },
            line: 1,
            column: 9,
            suggestions: [{ messageId: 'useQueueMicrotask', output: 'queueMicrotask(() => flush());' }],
          },
        ],
      },
      // Extra arguments for the callback, or not called: reported, nothing rewritten.
      { code: 'process.nextTick(emit, "data", chunk);', errors: [{ messageId: 'preferQueueMicrotask', suggestions: [] }] },
      { code: 'const defer = process.nextTick;', errors: [{ messageId: 'preferQueueMicrotask', suggestions: [] }] },
      {
        code: 'setImmediate(() => next());',
        options: timers,
        errors: [{ messageId: 'preferQueueMicrotask', data: { name: 'setImmediate()' }, suggestions: [{ messageId: 'useQueueMicrotask', output: 'queueMicrotask(() => next());' }] }],
      },
      {
        code: 'setTimeout(() => next(), 0);',
        options: timers,
        errors: [{ messageId: 'preferQueueMicrotask', data: { name: 'setTimeout()' }, suggestions: [{ messageId: 'useQueueMicrotask', output: 'queueMicrotask(() => next());' }] }],
      },
      // A `function` callback that reads `this` (the timer): not interchangeable.
      { code: 'setTimeout(function () {\n  this.unref();\n}, 0);', options: timers, errors: [{ messageId: 'preferQueueMicrotask', suggestions: [] }] },
      { code: 'setTimeout(run, 0 /* now */);', options: timers, errors: [{ messageId: 'preferQueueMicrotask', suggestions: [] }] },
    ],
  },
  {
    host: 'espree',
    valid: ['queueMicrotask(run);'],
    invalid: [{ code: 'process.nextTick(run);', errors: [{ messageId: 'preferQueueMicrotask', suggestions: [{ messageId: 'useQueueMicrotask', output: 'queueMicrotask(run);' }] }] }],
  },
]);
