// Writes what is generated from the rules' meta and the transform registry, so none of it can drift
// from the code: the README's rule and codemod tables, and the shipped oxlint preset.
// `pnpm generate` writes them; `--check` (run by `pnpm lint`) exits 1 when any is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrationConfigMarkdown, migrationTableMarkdown } from './migration-page';
import { abortableApisTable, arrayCallbacksTable, blockingApisTable, limitersTable, nodeCallbackApisTable, resourceApisTable } from './catalogue-tables';
import { codemodsTable, oxlintPreset, oxlintPresetPath, rulesTable } from './rules-table';

const root = path.join(import.meta.dirname, '..');

/** Replaces the text between `<!-- name:start … -->` and `<!-- name:end -->`. */
export function fillBlock(text: string, name: string, content: string): string {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->`).exec(text);
  const endMarker = `<!-- ${name}:end -->`;
  const end = text.indexOf(endMarker);
  if (!start || end < start.index) throw new Error(`The page has no <!-- ${name}:start --> … ${endMarker} block.`);
  const afterStart = start.index + start[0].length;
  return `${text.slice(0, afterStart)}\n${content}\n${text.slice(end)}`;
}

export function generatedReadme(readme: string): string {
  return fillBlock(fillBlock(readme, 'rules', rulesTable()), 'codemods', codemodsTable());
}

function read(file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Every generated file, by repo-relative path, as it should read now. */
export function generatedFiles(): Record<string, string> {
  return {
    'README.md': generatedReadme(read('README.md') ?? ''),
    [oxlintPresetPath]: oxlintPreset(),
    'docs/rules/no-sync-in-async.md': fillBlock(read('docs/rules/no-sync-in-async.md') ?? '', 'blocking-apis', blockingApisTable()),
    'docs/guide/node-promise-twins.md': fillBlock(read('docs/guide/node-promise-twins.md') ?? '', 'callback-apis', nodeCallbackApisTable()),
    'docs/guide/abortable-apis.md': fillBlock(read('docs/guide/abortable-apis.md') ?? '', 'abortable-apis', abortableApisTable()),
    'docs/rules/no-async-array-callback.md': fillBlock(read('docs/rules/no-async-array-callback.md') ?? '', 'array-callbacks', arrayCallbacksTable()),
    'docs/migrating.md': fillBlock(
      fillBlock(read('docs/migrating.md') ?? '', 'migration', migrationTableMarkdown()),
      'migration-config',
      migrationConfigMarkdown(),
    ),
    'docs/guide/limiters.md': fillBlock(read('docs/guide/limiters.md') ?? '', 'limiters', limitersTable()),
    'docs/guide/resources.md': fillBlock(read('docs/guide/resources.md') ?? '', 'resources', resourceApisTable()),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stale = Object.entries(generatedFiles()).filter(([file, content]) => read(file) !== content);
  if (process.argv.includes('--check')) {
    for (const [file] of stale) console.error(`${file} is out of date: run \`pnpm generate\`.`);
    if (stale.length > 0) process.exit(1);
    console.log('Generated files are up to date.');
  } else {
    for (const [file, content] of stale) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
      console.log(`wrote ${file}`);
    }
    if (stale.length === 0) console.log('Generated files are up to date.');
  }
}
