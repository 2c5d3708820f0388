// Generates the README's rule and codemod tables from the rules' meta and the transform registry, so
// the tables cannot drift from the code. `pnpm readme` rewrites README.md; `--check` exits 1 when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codemodsTable, rulesTable } from './rules-table';

const readmePath = path.join(import.meta.dirname, '..', 'README.md');

/** Replaces the text between `<!-- name:start … -->` and `<!-- name:end -->`. */
export function fillBlock(text: string, name: string, content: string): string {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->`).exec(text);
  const endMarker = `<!-- ${name}:end -->`;
  const end = text.indexOf(endMarker);
  if (!start || end < start.index) throw new Error(`README.md has no <!-- ${name}:start --> … ${endMarker} block.`);
  const afterStart = start.index + start[0].length;
  return `${text.slice(0, afterStart)}\n${content}\n${text.slice(end)}`;
}

export function generatedReadme(readme: string): string {
  return fillBlock(fillBlock(readme, 'rules', rulesTable()), 'codemods', codemodsTable());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync(readmePath, 'utf8');
  const updated = generatedReadme(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md tables are out of date: run `pnpm readme`.');
      process.exit(1);
    }
    console.log('README.md tables are up to date.');
  } else {
    writeFileSync(readmePath, updated);
    console.log('README.md tables written.');
  }
}
