/**
 * `callback-to-async`, a project transform: wiring only. The analysis plans every function and
 * caller (`planCallbackToAsync`); `migrateProject` applies the plan.
 */
import { planCallbackToAsync, type ProjectPlan } from '@asyncwise/analysis';
import { OptionError } from '../errors';
import type { ProjectSettings } from '../project-settings';

export function plan(configPath: string, settings: ProjectSettings): ProjectPlan {
  if (settings.from.length > 0 || settings.allExports) throw new OptionError('--from and --all-exports choose add-abort-signal\'s entries; callback-to-async plans every callback-last function of the project.');
  return planCallbackToAsync(configPath, { keepCallbackApi: settings.options.keepCallbackApi === true });
}
