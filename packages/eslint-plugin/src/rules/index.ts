import awaitThenable from './await-thenable';
import noAsyncArrayCallback from './no-async-array-callback';
import noAsyncPromiseExecutor from './no-async-promise-executor';
import noAwaitInLoop from './no-await-in-loop';
import noFloatingPromises from './no-floating-promises';
import noMisusedPromises from './no-misused-promises';
import noPromiseExecutorReturn from './no-promise-executor-return';
import noSyncInAsync from './no-sync-in-async';
import noUnboundedConcurrency from './no-unbounded-concurrency';
import preferPromiseAll from './prefer-promise-all';
import preferPromiseApi from './prefer-promise-api';
import preferPromiseRejectErrors from './prefer-promise-reject-errors';
import requireAwait from './require-await';
import requireConcurrencyLimit from './require-concurrency-limit';

/** Every rule of the plugin by name. The configs, the README table and the docs checks all derive from this. */
export const rules = {
  'await-thenable': awaitThenable,
  'no-async-array-callback': noAsyncArrayCallback,
  'no-async-promise-executor': noAsyncPromiseExecutor,
  'no-await-in-loop': noAwaitInLoop,
  'no-floating-promises': noFloatingPromises,
  'no-misused-promises': noMisusedPromises,
  'no-promise-executor-return': noPromiseExecutorReturn,
  'no-sync-in-async': noSyncInAsync,
  'no-unbounded-concurrency': noUnboundedConcurrency,
  'prefer-promise-all': preferPromiseAll,
  'prefer-promise-api': preferPromiseApi,
  'prefer-promise-reject-errors': preferPromiseRejectErrors,
  'require-await': requireAwait,
  'require-concurrency-limit': requireConcurrencyLimit,
};
export type RuleName = keyof typeof rules;
