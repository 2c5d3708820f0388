/**
 * What the fixture projects' integration tests share: where the repository, the CLI and tsc are,
 * and running a node script in a folder with its whole output kept for the failure message.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The `asyncwise` bin as users run it. */
export const cliPath = path.join(repoRoot, 'packages/codemods/bin/asyncwise.js');
/** What the bin runs; a test checks it is built before it starts. */
export const builtCli = path.join(repoRoot, 'packages/codemods/dist/cli.js');
export const tscPath = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

export interface Exec {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node <args>` in `cwd`, synchronously. */
export function exec(args: readonly string[], cwd: string): Exec {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failed run's exit code and output, for an assertion's message. */
export const explain = (result: Exec) => `exit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;

/**
 * A fresh copy of a fixture project under the repository's gitignored `.tmp/` (so the root's
 * node_modules resolve from it), once `built` (what the test runs) is there.
 */
export function copyOfFixture(fixtureDir: string, built: string = builtCli): string {
  if (!existsSync(built)) throw new Error(`${path.relative(repoRoot, built)} is missing: build first (pnpm build).`);
  mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  const copy = mkdtempSync(path.join(repoRoot, '.tmp', `${path.basename(fixtureDir)}-`));
  cpSync(fixtureDir, copy, { recursive: true });
  return copy;
}
