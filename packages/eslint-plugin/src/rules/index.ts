import alwaysReturn from './always-return';
import awaitThenable from './await-thenable';
import catchOrReturn from './catch-or-return';
import noAsyncArrayCallback from './no-async-array-callback';
import noAsyncPromiseExecutor from './no-async-promise-executor';
import noAwaitInLoop from './no-await-in-loop';
import noAsyncIteratorLeak from './no-async-iterator-leak';
import noFloatingPromises from './no-floating-promises';
import noForAwaitPromiseArray from './no-for-await-promise-array';
import noLeakedTimer from './no-leaked-timer';
import noMisusedPromises from './no-misused-promises';
import noNesting from './no-nesting';
import noNewStatics from './no-new-statics';
import noPromiseExecutorReturn from './no-promise-executor-return';
import noReturnInFinally from './no-return-in-finally';
import noReturnWrap from './no-return-wrap';
import noUselessPromiseResolveReject from './no-useless-promise-resolve-reject';
import preferTopLevelAwait from './prefer-top-level-await';
import paramNames from './param-names';
import noSyncInAsync from './no-sync-in-async';
import noUncancelledRace from './no-uncancelled-race';
import preferAbortSignalAny from './prefer-abort-signal-any';
import preferAbortSignalTimeout from './prefer-abort-signal-timeout';
import preferAwaitToThen from './prefer-await-to-then';
import preferAwaitUsing from './prefer-await-using';
import preferCatch from './prefer-catch';
import noUnboundedConcurrency from './no-unbounded-concurrency';
import preferPromiseAll from './prefer-promise-all';
import preferPromiseApi from './prefer-promise-api';
import preferStreamPipeline from './prefer-stream-pipeline';
import preferPromiseRejectErrors from './prefer-promise-reject-errors';
import propagateAbortSignal from './propagate-abort-signal';
import requireAtomicUpdates from './require-atomic-updates';
import requireAwait from './require-await';
import requireConcurrencyLimit from './require-concurrency-limit';
import returnAwait from './return-await';
import promiseFunctionAsync from './promise-function-async';
import requireTimeout from './require-timeout';
import specOnly from './spec-only';
import preferQueueMicrotask from './prefer-queue-microtask';
import preferPromiseStaticMethods from './prefer-promise-static-methods';
import preferPromiseWithResolvers from './prefer-promise-with-resolvers';
import preferPromiseTry from './prefer-promise-try';
import noMultipleResolved from './no-multiple-resolved';
import noThenable from './no-thenable';
import noAwaitExpressionMember from './no-await-expression-member';
import noAsyncPromiseFinally from './no-async-promise-finally';
import noAwaitInPromiseMethods from './no-await-in-promise-methods';
import noSinglePromiseInPromiseMethods from './no-single-promise-in-promise-methods';
import strictVoidReturn from './strict-void-return';
import validParams from './valid-params';
import requireResourceCleanup from './require-resource-cleanup';
import callbackReturn from './callback-return';
import handleCallbackErr from './handle-callback-err';
import noCallbackLiteral from './no-callback-literal';
import noCallbackInPromise from './no-callback-in-promise';
import noPromiseInCallback from './no-promise-in-callback';
import preferAwaitToCallbacks from './prefer-await-to-callbacks';
import noUnsafePromiseAllSettledValues from './no-unsafe-promise-all-settled-values';
import preferArrayFromAsync from './prefer-array-from-async';

/** Every rule of the plugin by name. The configs, the README table and the docs checks all derive from this. */
export const rules = {
  'prefer-array-from-async': preferArrayFromAsync,
  'no-unsafe-promise-all-settled-values': noUnsafePromiseAllSettledValues,
  'promise-function-async': promiseFunctionAsync,
  'return-await': returnAwait,
  'require-atomic-updates': requireAtomicUpdates,
  'always-return': alwaysReturn,
  'await-thenable': awaitThenable,
  'catch-or-return': catchOrReturn,
  'no-async-array-callback': noAsyncArrayCallback,
  'no-async-promise-executor': noAsyncPromiseExecutor,
  'no-await-in-loop': noAwaitInLoop,
  'no-floating-promises': noFloatingPromises,
  'no-async-iterator-leak': noAsyncIteratorLeak,
  'no-for-await-promise-array': noForAwaitPromiseArray,
  'no-leaked-timer': noLeakedTimer,
  'no-misused-promises': noMisusedPromises,
  'no-nesting': noNesting,
  'no-new-statics': noNewStatics,
  'no-promise-executor-return': noPromiseExecutorReturn,
  'no-return-in-finally': noReturnInFinally,
  'no-return-wrap': noReturnWrap,
  'no-useless-promise-resolve-reject': noUselessPromiseResolveReject,
  'prefer-top-level-await': preferTopLevelAwait,
  'param-names': paramNames,
  'no-sync-in-async': noSyncInAsync,
  'no-uncancelled-race': noUncancelledRace,
  'prefer-abort-signal-any': preferAbortSignalAny,
  'prefer-abort-signal-timeout': preferAbortSignalTimeout,
  'prefer-await-to-then': preferAwaitToThen,
  'prefer-await-using': preferAwaitUsing,
  'prefer-catch': preferCatch,
  'no-unbounded-concurrency': noUnboundedConcurrency,
  'prefer-promise-all': preferPromiseAll,
  'prefer-promise-api': preferPromiseApi,
  'prefer-stream-pipeline': preferStreamPipeline,
  'prefer-promise-reject-errors': preferPromiseRejectErrors,
  'propagate-abort-signal': propagateAbortSignal,
  'require-await': requireAwait,
  'require-concurrency-limit': requireConcurrencyLimit,
  'require-timeout': requireTimeout,
  'spec-only': specOnly,
  'prefer-queue-microtask': preferQueueMicrotask,
  'prefer-promise-static-methods': preferPromiseStaticMethods,
  'prefer-promise-with-resolvers': preferPromiseWithResolvers,
  'prefer-promise-try': preferPromiseTry,
  'no-multiple-resolved': noMultipleResolved,
  'no-thenable': noThenable,
  'no-await-expression-member': noAwaitExpressionMember,
  'no-async-promise-finally': noAsyncPromiseFinally,
  'no-await-in-promise-methods': noAwaitInPromiseMethods,
  'no-single-promise-in-promise-methods': noSinglePromiseInPromiseMethods,
  'strict-void-return': strictVoidReturn,
  'valid-params': validParams,
  'require-resource-cleanup': requireResourceCleanup,
  'callback-return': callbackReturn,
  'handle-callback-err': handleCallbackErr,
  'no-callback-literal': noCallbackLiteral,
  'no-callback-in-promise': noCallbackInPromise,
  'no-promise-in-callback': noPromiseInCallback,
  'prefer-await-to-callbacks': preferAwaitToCallbacks,
};
export type RuleName = keyof typeof rules;
