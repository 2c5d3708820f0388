import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generatedReadme } from '../scripts/readme-rules';

it('the README tables match the rules and the codemod registry (run `pnpm readme` to update)', () => {
  const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  expect(generatedReadme(readme)).toBe(readme);
});
