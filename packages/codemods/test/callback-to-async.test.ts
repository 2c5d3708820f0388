/**
 * `callback-to-async`, a project transform, on fixture projects from disk:
 * `__testfixtures__/callback-to-async/<case>/{input,output}/`. Each case is copied to a temp folder
 * (its tsconfig given Node's types from the repository), migrated and written as the CLI does (with
 * `--typecheck`), and compared file by file with `output/`; a second run must change nothing.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planCallbackToAsync } from '@asyncwise/analysis';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateProject } from '../src/project/migrate-project';
import { packageRoot, removeTempProjects, tempProject } from './helpers';

const casesDir = path.join(packageRoot, 'test/__testfixtures__/callback-to-async');
const typeRoots = [path.join(packageRoot, '../../node_modules/@types')];

afterAll(removeTempProjects);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^[jt]sconfig\.json$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A copy of a case's input whose config sees Node's types. */
function copyOf(name: string): { dir: string; configPath: string } {
  const dir = tempProject({});
  cpSync(path.join(casesDir, name, 'input'), dir, { recursive: true });
  const configName = readdirSync(dir).find((f) => /^[jt]sconfig\.json$/.test(f)) ?? 'tsconfig.json';
  const configPath = path.join(dir, configName);
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { compilerOptions: Record<string, unknown> };
  config.compilerOptions = { ...config.compilerOptions, types: ['node'], typeRoots };
  writeFileSync(configPath, JSON.stringify(config));
  return { dir, configPath };
}

async function run(configPath: string) {
  const plan = planCallbackToAsync(configPath);
  const result = await migrateProject(plan, { codemod: 'callback-to-async', configPath, level: 'review', write: true, allowDirty: true, typecheck: true });
  return { plan, result };
}

describe('callback-to-async fixture projects', () => {
  for (const name of readdirSync(casesDir)) {
    it(name, async () => {
      const { dir, configPath } = copyOf(name);
      const { plan, result } = await run(configPath);
      if (process.env.SHOW_PLAN) for (const f of filesUnder(dir)) console.log(`=== ${f}\n${readFileSync(path.join(dir, f), "utf8")}`);
      if (process.env.SHOW_PLAN) console.log(JSON.stringify({ changes: plan.changes.map((c) => [path.relative(dir, c.file), c.description]), refusals: plan.refusals.map((r) => [path.relative(dir, r.file), r.plan, r.reason, r.description]), typeErrors: result.typeErrors }, null, 1));
      expect(result.typeErrors).toEqual([]);
      expect(result.heldBack).toBeNull();
      const expected = path.join(casesDir, name, 'output');
      if (process.env.UPDATE_OUTPUT) for (const f of filesUnder(dir)) cpSync(path.join(dir, f), path.join(expected, f));
      expect(filesUnder(dir)).toEqual(filesUnder(expected));
      for (const file of filesUnder(expected)) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(readFileSync(path.join(expected, file), 'utf8'));
      // Idempotence: nothing of the migrated project ends with a callback any more.
      const again = await run(configPath);
      expect(again.plan.changes).toEqual([]);
      expect(again.result.outcomes.filter((o) => o.status === 'changed')).toEqual([]);
    });
  }
});
