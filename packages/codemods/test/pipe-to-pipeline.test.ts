// Each refused fixture of pipe-to-pipeline comes back byte-identical (fixtures.test.ts) and says why:
// one refusal, with the reason its name promises; the fixtures it leaves alone report nothing at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/transforms/pipe-to-pipeline';
import { casesOf } from './helpers';

const dir = path.join(import.meta.dirname, '..', 'src', 'transforms', '__testfixtures__', 'pipe-to-pipeline');

const reasons: Record<string, string | readonly string[]> = {
  'refuses-a-close-listener-of-a-socket': 'handler-not-supported',
  'refuses-a-close-listener-after-a-handled-error': 'handler-not-supported',
  'refuses-a-comment-it-would-drop': 'would-drop-comment',
  'refuses-a-function-that-is-not-async': 'not-awaitable-here',
  'refuses-a-stream-used-elsewhere': 'stream-used-elsewhere',
  'refuses-code-after-the-chain': 'code-after-pipe',
  'refuses-error-listeners-that-differ': 'error-handlers-differ',
  'refuses-pipe-options': 'unsupported-option',
  'refuses-a-wrapper-outside-async-code': 'not-awaitable-here',
  'refuses-a-wrapper-resolving-stream-state': 'handler-not-supported',
  'refuses-a-wrapper-resolving-a-call': 'handler-not-supported',
  'refuses-error-listener-statements-with-code-between': 'stream-used-elsewhere',
  'refuses-a-statement-listening-for-more-than-errors': 'stream-used-elsewhere',
  'refuses-piping-into-stdout': 'ends-process-stream',
  'refuses-a-wrapper-that-logs': 'executor-does-more',
  'refuses-a-wrapper-with-a-timeout': 'settled-elsewhere',
  'refuses-a-wrapper-resolving-early': 'settled-elsewhere',
  'refuses-a-wrapper-writing-to-its-stream': 'stream-used-elsewhere',
  'refuses-a-wrapper-declaring-streams-it-does-not-await': 'unsupported-call-shape',
  'refuses-a-wrapper-whose-stream-name-is-taken': 'name-clash',
  'refuses-a-close-listener-of-a-stream-that-stays-open': 'handler-not-supported',
  'refuses-closing-a-file-that-stays-open': 'handler-not-supported',
  'refuses-code-between-the-pipe-and-its-wrapper': 'code-after-pipe',
  'refuses-a-source-piped-elsewhere-too': 'stream-used-elsewhere',
  'refuses-a-destination-used-after-its-wrapper': 'stream-used-elsewhere',
  // One refusal per function, in order: the error flag's near variants.
  'refuses-error-flags-that-do-more': ['executor-does-more', 'handler-not-supported', 'handler-not-supported', 'executor-does-more', 'handler-not-supported', 'executor-does-more', 'executor-does-more'],
  'refuses-a-wrapper-beside-the-pipe-with-a-timeout': 'settled-elsewhere',
  'refuses-a-wrapper-beside-the-pipe-outside-async-code': 'not-awaitable-here',
  'refuses-a-wrapper-beside-the-pipe-counting-data': 'handler-not-supported',
  'refuses-an-error-listener-outside-the-wrapper-beside-the-pipe': 'stream-used-elsewhere',
  'refuses-a-comment-in-the-wrapper-beside-the-pipe': 'would-drop-comment',
  'refuses-a-wrapper-beside-the-pipe-resolving-on-close-of-a-passthrough': 'handler-not-supported',
  'refuses-a-response-body-listened-to-outside-the-wrapper': 'stream-used-elsewhere',
  'refuses-a-wrapper-built-first-and-returned-later-by-a-function': 'code-after-pipe',
};

describe('pipe-to-pipeline refusals', () => {
  const cases = casesOf(dir);

  it('names a reason for every refused fixture', () => {
    expect(cases.filter((c) => c.name.startsWith('refuses-')).map((c) => c.name).sort()).toEqual(Object.keys(reasons).sort());
  });

  it.each(cases.filter((c) => c.name.startsWith('refuses-') || c.name.startsWith('leaves-')).map((c) => [c.name, c] as const))('%s', (name, { inputPath }) => {
    const source = readFileSync(inputPath, 'utf8');
    const result = run(source, inputPath, { level: 'review' });
    expect(result.output).toBe(source);
    expect(result.changes).toEqual([]);
    expect(result.refusals.map((r) => r.reason)).toEqual(reasons[name] === undefined ? [] : [reasons[name]].flat());
  });
});
