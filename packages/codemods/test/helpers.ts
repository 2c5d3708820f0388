import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliEnvironment, main } from '../src/command-line';
import type { RunOptions } from '../src/types';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const fixturesDir = path.join(packageRoot, 'src/transforms/__testfixtures__/sequential-to-concurrent');

const created: string[] = [];

/** A fresh directory under the OS temp dir holding `files` (path → text). */
export function tempProject(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'asyncwise-codemods-')));
  created.push(dir);
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

export function removeTempProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs git in `dir` with a fixed identity, failing the test on error. */
export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=asyncwise', '-c', 'user.email=test@asyncwise.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function gitInit(dir: string): void {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'initial');
}

export const loadThree = `export async function load(id: string) {
  const user = await getUser(id);
  const posts = await getPosts(id);
  const settings = await getSettings(id);
  return { user, posts, settings };
}
`;

export const loadThreeRewritten = `export async function load(id: string) {
  const [user, posts, settings] = await Promise.all([
    getUser(id),
    getPosts(id),
    getSettings(id),
  ]);
  return { user, posts, settings };
}
`;

export interface FixtureCase<O = RunOptions> {
  readonly name: string;
  readonly inputPath: string;
  readonly outputPath: string;
  /** The shared options and the codemod's own, as the transform module's `run` takes them. */
  readonly options: O;
}

/**
 * The fixture cases of one codemod's `__testfixtures__` folder: `<case>.input.<ext>`, its expected
 * `<case>.output.<ext>` (absent when the input must come back unchanged) and optional
 * `<case>.options.json`. Shared by the fixture test and the rule/codemod parity test.
 */
export function casesOf<O = RunOptions>(dir: string): FixtureCase<O>[] {
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const match = /^(.+)\.input(\.[cm]?[jt]sx?)$/.exec(file);
      if (!match) return [];
      const [, name, ext] = match as unknown as [string, string, string];
      const optionsPath = path.join(dir, `${name}.options.json`);
      const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as O) : ({} as O);
      return [{ name, inputPath: path.join(dir, file), outputPath: path.join(dir, `${name}.output${ext}`), options }];
    });
}

/** A stream that keeps what the CLI writes to it. */
function textSink(): NodeJS.WritableStream & { text: () => string } {
  const chunks: string[] = [];
  return Object.assign({ write: (chunk: string) => chunks.push(chunk) > 0 }, { text: () => chunks.join('') }) as unknown as NodeJS.WritableStream & { text: () => string };
}

/** Runs the `asyncwise` CLI in this process from `cwd`: its exit code and what it wrote. */
export async function cliIn(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = textSink();
  const stderr = textSink();
  const env: CliEnvironment = { cwd, stdout, stderr, variables: {} };
  return { code: await main(argv, env), stdout: stdout.text(), stderr: stderr.text() };
}
