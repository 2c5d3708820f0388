/**
 * `callback-to-async`, a project transform: wiring only. The analysis plans every function and
 * caller (`planCallbackToAsync`); `migrateProject` applies the plan.
 */
import { planCallbackToAsync, type ProjectPlan } from '@asyncwise/analysis';
import { OptionError } from '../errors';
import type { ProjectSettings } from '../project-settings';

export function plan(configPath: string, settings: ProjectSettings): ProjectPlan {
  if (settings.from.length > 0 || settings.allExports) throw new OptionError('--from and --all-exports choose add-abort-signal\'s entries; callback-to-async plans every callback-last function of the project.');
  if (settings.keepCallbackApi) throw new OptionError('--keep-callback-api is not available yet: exported functions are changed with every caller in the project (see docs/codemods/callback-to-async.md).');
  return planCallbackToAsync(configPath);
}
