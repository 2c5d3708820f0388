/**
 * `add-abort-signal`, a project transform: wiring only. The analysis plans the chain and every edit
 * (`planSignalChain`); `migrateProject` applies the plan.
 */
import path from 'node:path';
import { planSignalChain, type SignalChainEntries, type SignalChainPlan } from '@asyncwise/analysis';
import { OptionError } from '../errors';

import type { ProjectSettings } from '../project-settings';

export type AddAbortSignalSettings = Pick<ProjectSettings, 'from' | 'allExports' | 'cwd'>;

/** The entries the command line names; throws `OptionError` when it names none or names them badly. */
export function entriesOf(settings: AddAbortSignalSettings): SignalChainEntries {
  if (settings.allExports && settings.from.length > 0) throw new OptionError('--from and --all-exports contradict each other; give one.');
  if (settings.allExports) return { kind: 'all-exports' };
  if (settings.from.length === 0) throw new OptionError('add-abort-signal needs its entry functions: --from path/file.ts#name (repeatable) or --all-exports.');
  return {
    kind: 'named',
    entries: settings.from.map((spec) => {
      const hash = spec.lastIndexOf('#');
      if (hash <= 0 || hash === spec.length - 1) throw new OptionError(`--from ${spec}: expected path/file.ts#functionName.`);
      return { file: path.resolve(settings.cwd, spec.slice(0, hash)), name: spec.slice(hash + 1) };
    }),
  };
}

export function plan(configPath: string, settings: AddAbortSignalSettings): SignalChainPlan {
  return planSignalChain(configPath, entriesOf(settings));
}
