/**
 * The asyncio guide's runnable examples: every ```js runnable block of docs/guide/asyncio-to-js.md
 * runs as an ES module in a fresh Node process and must exit 0 (each block throws when what it
 * shows does not hold). The Python beside them is for reading; it is not run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const guide = readFileSync(path.join(repoRoot, 'docs/guide/asyncio-to-js.md'), 'utf8');

/** Each runnable block with the line its code starts on. */
function runnableBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const pattern = /^```js runnable\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    blocks.push({ line: markdown.slice(0, match.index).split('\n').length + 1, code: match[1] ?? '' });
  }
  return blocks;
}

describe('docs/guide/asyncio-to-js.md', () => {
  const blocks = runnableBlocks(guide);

  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((b) => [b.line, b] as const))('the example at line %i runs and holds', (_line, block) => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', block.code], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
