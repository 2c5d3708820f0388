import preferPromiseAll from './prefer-promise-all';
import noFloatingPromises from './no-floating-promises';
import noMisusedPromises from './no-misused-promises';
import noSyncInAsync from './no-sync-in-async';
import preferPromiseApi from './prefer-promise-api';

/** Every rule of the plugin by name. The configs, the README table and the docs checks all derive from this. */
export const rules = {
  'no-misused-promises': noMisusedPromises,
  'no-floating-promises': noFloatingPromises,
  'no-sync-in-async': noSyncInAsync,
  'prefer-promise-all': preferPromiseAll,
  'prefer-promise-api': preferPromiseApi,
};

export type RuleName = keyof typeof rules;
