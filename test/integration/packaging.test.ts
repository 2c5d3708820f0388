/**
 * The three packages as users get them: `pnpm pack` each (as `pnpm publish` would pack it), check
 * what the tarballs hold, install them with npm into a fresh project outside the workspace (their
 * dependencies from the registry, `--prefer-offline` so a warm npm cache is enough), then lint a
 * file with the README's flat config and run `npx asyncwise migrate` there.
 *
 * Needs the packages built (`pnpm test` builds first), and `pnpm`, `npm` and `npx` on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packageDirs = ['analysis', 'codemods', 'eslint-plugin'].map((name) => path.join(repoRoot, 'packages', name));

interface Exec {
  status: number | null;
  stdout: string;
  stderr: string;
}

function exec(command: string, args: readonly string[], cwd: string, timeout = 120_000): Exec {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true' };
  delete env['FORCE_COLOR'];
  // pnpm runs the tests with its own npm_config_* variables; the fresh project is npm's alone.
  for (const key of Object.keys(env)) if (key.startsWith('npm_') || key.startsWith('PNPM_')) delete env[key];
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const explain = (result: Exec) => `exit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;

/** The first fenced block of `lang` in a Markdown file whose text includes `marker`. */
function codeBlock(file: string, lang: string, marker: string): string {
  const blocks = [...readFileSync(file, 'utf8').matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] as string);
  const block = blocks.find((b) => b.includes(marker));
  if (block === undefined) throw new Error(`${path.relative(repoRoot, file)} has no \`\`\`${lang} block with ${marker}`);
  return block;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly exports?: unknown;
  readonly publishConfig?: { readonly exports?: unknown };
  readonly main?: string;
  readonly types?: string;
  readonly bin?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly files?: readonly string[];
}

/** Every target of an `exports` map, with the conditions that lead to it. */
function exportTargets(value: unknown, conditions: string[] = []): { conditions: string[]; target: string }[] {
  if (typeof value === 'string') return [{ conditions, target: value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => exportTargets(inner, [...conditions, key]));
}

/** `exports` without its `source` conditions: what the published manifest must say. */
function withoutSource(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'source').map(([key, inner]) => [key, withoutSource(inner)]));
}

const dashboard = `import { api } from './api';

export async function loadDashboard(userId: string) {
  const user = await api.getUser(userId);
  const orders = await api.getOrders(userId);
  const settings = await api.getSettings(userId);
  return { user, orders, settings };
}
`;

const api = `export const api = {
  getUser: async (id: string) => ({ id }),
  getOrders: async (id: string) => [id],
  getSettings: async (id: string) => ({ id, theme: 'dark' }),
};
`;

const blockingRead = `import { readFileSync } from 'node:fs';

export async function loadConfig(file: string) {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(text);
}
`;

describe('the packed packages, installed with npm in a fresh project', () => {
  let work = '';
  let project = '';
  const tarballs = new Map<string, string>();
  const entries = new Map<string, string[]>();
  const manifests = new Map<string, Manifest>();
  const npx = (...args: string[]) => exec('npx', ['--no', '--', ...args], project);

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'packages/codemods/dist/cli.js'))) throw new Error('the packages are not built: run pnpm build first');
    work = mkdtempSync(path.join(tmpdir(), 'asyncwise-packaging-'));
    const packed = path.join(work, 'packed');
    mkdirSync(packed);
    for (const dir of packageDirs) {
      const before = new Set(readdirSync(packed));
      const result = exec('pnpm', ['pack', '--pack-destination', packed], dir);
      if (result.status !== 0) throw new Error(`pnpm pack in ${path.relative(repoRoot, dir)} failed\n${explain(result)}`);
      const [tarball] = readdirSync(packed).filter((f) => !before.has(f));
      if (tarball === undefined) throw new Error(`pnpm pack in ${path.relative(repoRoot, dir)} wrote no tarball`);
      const name = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest).name;
      tarballs.set(name, path.join(packed, tarball));
      const list = exec('tar', ['-tzf', path.join(packed, tarball)], packed);
      entries.set(name, list.stdout.split('\n').filter((line) => line !== '').map((line) => line.replace(/^package\//, '')));
      const manifest = exec('tar', ['-xzOf', path.join(packed, tarball), 'package/package.json'], packed);
      manifests.set(name, JSON.parse(manifest.stdout) as Manifest);
    }

    // The versions the repository itself is tested with.
    const root = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    project = path.join(work, 'project');
    mkdirSync(project);
    const dependencies: Record<string, string> = {};
    for (const [name, file] of tarballs) dependencies[name] = `file:${file}`;
    for (const name of ['eslint', 'typescript-eslint', 'typescript']) dependencies[name] = root.devDependencies[name] as string;
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'fresh-project', private: true, type: 'module', dependencies }, null, 2)}\n`);
    const install = exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], project, 240_000);
    if (install.status !== 0) throw new Error(`npm install of the tarballs failed (offline without a warm npm cache?)\n${explain(install)}`);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships a README, the license and the build in each package, and no sources or tests', () => {
    const license = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');
    for (const dir of packageDirs) {
      const name = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest).name;
      const files = entries.get(name) ?? [];
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('LICENSE');
      expect(files, name).toContain('package.json');
      expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8'), `${name}'s LICENSE is the repository's`).toBe(license);
      expect(files.filter((f) => /^(src|test)\//.test(f) || f.includes('__testfixtures__')), name).toEqual([]);
      expect(manifests.get(name)?.publishConfig, name).toBeUndefined();
      for (const [dependency, range] of Object.entries(manifests.get(name)?.dependencies ?? {})) expect(range, `${name} → ${dependency}`).not.toMatch(/^workspace:/);
    }
  });

  it('publishes exports whose every condition resolves to a file in the tarball, and no source condition', () => {
    for (const dir of packageDirs) {
      const workspace = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
      // The workspace's `source` condition (src/*.ts, for the tests) is dropped at pack time by
      // publishConfig.exports, which must otherwise say the same.
      expect(workspace.publishConfig?.exports, workspace.name).toEqual(withoutSource(workspace.exports));
      const manifest = manifests.get(workspace.name) as Manifest;
      const files = new Set(entries.get(workspace.name));
      const targets = exportTargets(manifest.exports);
      expect(targets.length, workspace.name).toBeGreaterThan(0);
      for (const { conditions, target } of targets) {
        const where = `${workspace.name} exports ${conditions.join(' → ')}: ${target}`;
        expect(conditions, where).not.toContain('source');
        const relative = target.replace(/^\.\//, '');
        if (!relative.includes('*')) {
          expect(files.has(relative), where).toBe(true);
          continue;
        }
        // A subpath pattern: it must match files, the same names under every condition of its key.
        const [head, tail] = relative.split('*') as [string, string];
        const names = [...files].filter((f) => f.startsWith(head) && f.endsWith(tail)).map((f) => f.slice(head.length, f.length - tail.length));
        expect(names.length, where).toBeGreaterThan(0);
        const transforms = readdirSync(path.join(dir, 'src/transforms')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
        expect(names.filter((n) => !n.includes('/')).sort(), where).toEqual(transforms.sort());
      }
      for (const file of [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {})]) {
        if (file !== undefined) expect(files.has(file.replace(/^\.\//, '')), `${workspace.name}: ${file}`).toBe(true);
      }
    }
  });

  it("lints a file with the README's flat config: the plugin loads and reports", () => {
    writeFileSync(path.join(project, 'eslint.config.js'), codeBlock(path.join(repoRoot, 'README.md'), 'js', 'eslint.config.js'));
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(path.join(project, 'src/dashboard.ts'), dashboard);
    writeFileSync(path.join(project, 'src/api.ts'), api);
    const lint = npx('eslint', 'src', '--format', 'json');
    expect(lint.status, explain(lint)).toBe(1);
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const messages = results.flatMap((r) => r.messages.map((m) => [path.basename(r.filePath), m.ruleId, m.line, m.column]));
    expect(messages).toEqual([['dashboard.ts', 'asyncwise/prefer-promise-all', 4, 16]]);

    // The CommonJS entry is the plugin itself, as a `require`-based config takes it.
    const required = exec(process.execPath, ['-e', "const p = require('eslint-plugin-asyncwise'); process.stdout.write(typeof p.rules['prefer-promise-all'].create)"], project);
    expect(required.stdout, explain(required)).toBe('function');
  });

  it('runs npx asyncwise migrate: a dry run prints the diff and writes nothing, --write applies it', () => {
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(path.join(project, 'src/dashboard.ts'), dashboard);
    writeFileSync(path.join(project, 'src/config.ts'), blockingRead);
    const version = npx('asyncwise', '--version');
    expect(version.stdout.trim(), explain(version)).toBe(manifests.get('@asyncwise/codemods')?.version);

    const dry = npx('asyncwise', 'migrate', 'sequential-to-concurrent', 'sync-to-async-io', 'src', '--level', 'review');
    expect(dry.status, explain(dry)).toBe(0);
    expect(dry.stdout).toContain('+  const [user, orders, settings] = await Promise.all([\n');
    expect(dry.stdout).toContain("+  const text = await readFile(file, 'utf8');\n");
    expect(dry.stdout).toContain('Runs rewritten by sequential-to-concurrent: 1 review, 0 safe\nCalls rewritten by sync-to-async-io: 1 review, 0 safe\n');
    expect(readFileSync(path.join(project, 'src/dashboard.ts'), 'utf8')).toBe(dashboard);

    const written = npx('asyncwise', 'migrate', 'sequential-to-concurrent', 'sync-to-async-io', 'src', '--level', 'review', '--write');
    expect(written.status, explain(written)).toBe(0);
    expect(written.stdout).toContain('Wrote 2 files.');
    expect(readFileSync(path.join(project, 'src/dashboard.ts'), 'utf8')).toContain('await Promise.all([\n    api.getUser(userId),\n');
    expect(readFileSync(path.join(project, 'src/config.ts'), 'utf8')).toContain("import { readFile } from 'node:fs/promises';");
  });

  it('runs the installed CLI in worker threads with the same report as in one thread', () => {
    const many = path.join(project, 'many');
    mkdirSync(many, { recursive: true });
    // Enough files for two workers (one per 32 files at most).
    for (let i = 0; i < 70; i++) writeFileSync(path.join(many, `f${String(i).padStart(2, '0')}.ts`), i % 2 === 0 ? dashboard : blockingRead);
    const one = npx('asyncwise', 'migrate', 'sequential-to-concurrent', 'sync-to-async-io', 'many', '--level', 'review', '--jobs', '1', '--report', 'one.json');
    const two = npx('asyncwise', 'migrate', 'sequential-to-concurrent', 'sync-to-async-io', 'many', '--level', 'review', '--jobs', '2', '--report', 'two.json');
    expect(one.status, explain(one)).toBe(0);
    expect(two.status, explain(two)).toBe(0);
    expect(two.stdout.replace('two.json', 'one.json')).toBe(one.stdout);
    const report = readFileSync(path.join(project, 'two.json'), 'utf8');
    expect(report).toBe(readFileSync(path.join(project, 'one.json'), 'utf8'));
    expect((JSON.parse(report) as { summary: { filesChanged: number } }).summary.filesChanged).toBe(70);
  });

  it("runs the analysis README's example as written", () => {
    const example = codeBlock(path.join(repoRoot, 'packages/analysis/README.md'), 'js', '@asyncwise/analysis');
    writeFileSync(path.join(project, 'example.js'), example);
    const result = exec(process.execPath, ['example.js'], project);
    expect(result.status, explain(result)).toBe(0);
    // The comment under the example is what it prints.
    const lines = example.split('\n');
    const printed = lines.slice(lines.findIndex((l) => l.startsWith('console.log('))).filter((l) => l.startsWith('//')).map((l) => l.replace(/^\/\/ ?/, ''));
    expect(result.stdout).toBe(`${printed.join('\n')}\n\n`);
  });
});
