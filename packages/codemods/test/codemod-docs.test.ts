import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { codemods, projectCodemods } from '../src/registry';
import { migrateProject } from '../src/project/migrate-project';
import type { CodemodOptionValues } from '../src/option-spec';

const root = path.join(import.meta.dirname, '..', '..', '..');
const transformsDir = path.join(import.meta.dirname, '..', 'src', 'transforms');

/**
 * Each ```diff block of a page as the input it starts from and the output it shows, with the
 * codemod's own options of a `<!-- options: {…} -->` line just before it.
 */
function diffExamples(markdown: string): { line: number; input: string; output: string; options: Record<string, unknown> }[] {
  const examples: { line: number; input: string; output: string; options: Record<string, unknown> }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```diff') continue;
    const optionLine = /^<!-- options: (.*) -->$/.exec(lines[i - 1] ?? '');
    const options = optionLine?.[1] ? (JSON.parse(optionLine[1]) as Record<string, unknown>) : {};
    const input: string[] = [];
    const output: string[] = [];
    const line = i + 2;
    for (i++; i < lines.length && lines[i] !== '```'; i++) {
      const text = lines[i] as string;
      const body = text.slice(1);
      if (text.startsWith('-')) input.push(body);
      else if (text.startsWith('+')) output.push(body);
      else {
        input.push(body);
        output.push(body);
      }
    }
    examples.push({ line, input: `${input.join('\n')}\n`, output: `${output.join('\n')}\n`, options });
  }
  return examples;
}

describe('codemod docs', () => {
  it('transforms, registry and doc pages are the same set', () => {
    const transforms = readdirSync(transformsDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3));
    const pages = readdirSync(path.join(root, 'docs', 'codemods'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    const names = codemods.map((c) => c.name);
    expect(transforms.sort()).toEqual([...names].sort());
    const projects = readdirSync(path.join(import.meta.dirname, '..', 'src', 'project'))
      .filter((f) => f.endsWith('.ts') && f !== 'migrate-project.ts')
      .map((f) => f.slice(0, -3));
    expect(projects.sort()).toEqual(projectCodemods.map((c) => c.name).sort());
    expect(pages.sort()).toEqual([...names, ...projectCodemods.map((c) => c.name)].sort());
  });

  describe.each(codemods.map((c) => [c.name, c] as const))('%s', (name, codemod) => {
    const page = path.join(root, codemod.docsPath);
    const markdown = existsSync(page) ? readFileSync(page, 'utf8') : '';

    it('has a page whose title and summary match the registry', () => {
      const lines = markdown.split('\n');
      expect(lines[0]).toBe(`# ${name}`);
      expect(lines[2]?.replace(/`/g, '')).toBe(`> ${codemod.description}`);
      expect(markdown).toContain('## Caveats');
    });

    const examples = diffExamples(markdown);
    it('has diff examples', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    it.each(examples.map((e) => [e.line, e] as const))('the diff at line %i is what the codemod does', async (_line, example) => {
      const { run } = await codemod.load();
      const result = run(example.input, 'example.ts', { ...example.options, level: 'review' });
      expect(result.output).toBe(example.output);
    });
  });
});

/**
 * A project codemod's ```diff blocks are one-file projects: the input is written as `example.ts`
 * beside a strict tsconfig, migrated (from the entry a `<!-- from: name -->` line names, for a
 * codemod that takes entries) with
 * `--typecheck`, and must give the output shown.
 */
describe.each(projectCodemods.map((c) => [c.name, c] as const))('%s (project codemod)', (name, codemod) => {
  const markdown = readFileSync(path.join(root, codemod.docsPath), 'utf8');
  const lines = markdown.split('\n');

  it('has a page whose title and summary match the registry', () => {
    expect(lines[0]).toBe(`# ${name}`);
    expect(lines[2]?.replace(/`/g, '')).toBe(`> ${codemod.description}`);
    expect(markdown).toContain('## Caveats');
  });

  const examples = diffExamples(markdown).map((e) => ({ ...e, from: /^<!-- from: (\S+) -->$/.exec(lines[e.line - 3] ?? '')?.[1] }));
  it(codemod.takesEntries ? 'has diff examples, each naming its entry' : 'has diff examples, none naming an entry', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((e) => (e.from === undefined) === codemod.takesEntries).map((e) => e.line)).toEqual([]);
  });

  it.each(examples.map((e) => [e.line, e] as const))('the diff at line %i is what the codemod does', async (_line, example) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asyncwise-doc-'));
    try {
      const configPath = path.join(dir, 'tsconfig.json');
      writeFileSync(configPath, JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, noEmit: true, lib: ['es2022', 'dom'], types: ['node'], typeRoots: [path.join(root, 'node_modules/@types')] }, include: ['example.ts'] }));
      const file = path.join(dir, 'example.ts');
      writeFileSync(file, example.input);
      const { plan } = await codemod.load();
      const planned = plan(configPath, { from: example.from === undefined ? [] : [`example.ts#${example.from}`], allExports: false, options: example.options as CodemodOptionValues, cwd: dir });
      const result = await migrateProject(planned, { codemod: name, configPath, level: 'review', write: true, allowDirty: true, typecheck: true });
      expect(result.typeErrors).toEqual([]);
      expect(readFileSync(file, 'utf8')).toBe(example.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
