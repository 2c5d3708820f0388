export type { AnalysisFile } from './file';
export {
  defaultSourceTypeOf,
  isParsablePath,
  parsableExtensions,
  ParseError,
  parseFile,
  parserNames,
  sourceTypes,
  withBom,
  withoutBom,
  type ParseFileOptions,
  type ParserName,
  type SourceType,
} from './parse';
export {
  applyEdits,
  bugRefusalReasons,
  isBugRefusal,
  isLevelAllowed,
  OverlappingEditsError,
  planOf,
  callbackRefusalReasons,
  pipeRefusalReasons,
  refusalReasons,
  signalChainReasons,
  refusedPlan,
  sortEdits,
  type Plan,
  type Refusal,
  type RefusalReason,
  type SafetyLevel,
  type TextEdit,
} from './edits';
export { checkedPlan, invariantProblem, type PlanOwnership, type PlanVocabulary } from './invariant';
export type { Tri } from './tri';
export type { CallSignalParameter, ErrorKind, FunctionLike, FunctionReturnKind, PromiseKind, TypeOracle, VoidValueKind } from './oracle/type-oracle';
export { SyntaxOracle } from './oracle/syntax-oracle';
export { ParserServicesOracle, type TypedParserServices } from './oracle/parser-services-oracle';
export {
  nearestProject,
  ProjectConfigError,
  projectConfigFor,
  newTypeErrors,
  projectProgram,
  readProjectConfig,
  typedOracleFactory,
  type TypeError_,
  type ProjectSetting,
  type TypesFallbackReason,
  type TypesUse,
} from './oracle/typescript-project';
export {
  findSequentialAwaitRuns,
  isTestFile,
  silenceReasons,
  type AwaitStatement,
  type SequentialAwaitOptions,
  type SequentialAwaitRun,
  type SequentialAwaitRunsResult,
  type SilenceReason,
  type Silenced,
} from './sequential-awaits';
export { planPromiseAll } from './plan-promise-all';
export {
  findFloatingPromise,
  type FloatingKind,
  type FloatingPromise,
  type FloatingPromiseOptions,
  type FloatingSuggestionKind,
  type TypeOrValueSpecifier,
} from './floating-promises';
export {
  inheritedMethodMisuses,
  isMisusedAttribute,
  isMisusedConditional,
  isMisusedSpread,
  isMisusedVoidReturn,
  misusedPredicate,
  type InheritedMisuse,
  type MisusedPromiseOptions,
  type VoidReturnPlace,
} from './misused-promises';
export { voidCallbacks, type VoidCallbackEntry } from './catalogues/void-callbacks';
export { moduleIndex } from './declarations/module-index';
export {
  findAsyncPromiseExecutor,
  findExecutorReturns,
  promiseExecutorOf,
  type AsyncPromiseExecutor,
  type ExecutorFunction,
  type ExecutorReturn,
  type ExecutorReturnOptions,
  type ExecutorReturnSuggestionKind,
} from './executors';
export { isPromiseRejectCall, rejectCallsOf, rejectsWithNonError, type RejectionReasonOptions } from './rejection-reasons';
export { judgeRequireAwait, type MissingAwait, type RequireAwaitResult, type RequireAwaitSilence } from './require-await';
export { asyncKeywordRange, describeFunction, functionHeadRange, planRemoveAsync } from './async-functions';
export { calleeMatcher, calleeNames, operationName } from './names';
export { childNodes, defaultVisitorKeys, setParents, walk, type VisitorKeys } from './walk';
export * as catalogues from './catalogues/promise-apis';
export {
  blockingApis,
  blockingApiOf,
  describeTwin,
  type BlockingApi,
  type PromiseTwin,
} from './catalogues/blocking-apis';
export {
  describeCallbackResult,
  nodeCallbackApiOf,
  nodeCallbackApis,
  type CallbackResult,
  type NodeCallbackApi,
  type SignalPosition,
} from './catalogues/node-callback-apis';
export {
  moduleBindingOf,
  normalizeModuleName,
  requireSource,
  resolveModuleMember,
  type ModuleBinding,
  type ModuleMember,
} from './modules';
export {
  describeLimiterCall,
  describeLimitPosition,
  limiterOf,
  limiters,
  type LimitPosition,
  type Limiter,
  type LimiterShape,
} from './catalogues/limiters';
export { isReadableStream, limiterAt, limiterBound, limiterCallOf, type LimiterBound, type LimiterCall } from './limiter-calls';
export {
  findAwaitLoops,
  loopSilenceReasons,
  type IndependentLoop,
  type LoopAwaitsOptions,
  type LoopAwaitsResult,
  type LoopNode,
  type LoopSilenceReason,
} from './loop-awaits';
export {
  asyncArrayCallbackAt,
  asyncCallbackSilenceReasons,
  findAsyncArrayCallbacks,
  isForEachCallback,
  mayTakeAsyncArrayCallback,
  type AsyncArrayCallback,
  type AsyncArrayCallbackOptions,
  type AsyncCallbackSilenceReason,
} from './async-array-callbacks';
export {
  arrayCallbackMethods,
  asyncCallbackHarms,
  collectionLibraries,
  collectionLibraryFunctions,
  type AsyncCallbackHarm,
} from './catalogues/array-callbacks';
export {
  fanOutSilenceReasons,
  findUnboundedFanOuts,
  findUnboundedLimiterCalls,
  limiterSilenceReasons,
  type FanOutOptions,
  type FanOutResult,
  type FanOutSilenceReason,
  type LimiterSilenceReason,
  type UnboundedFanOut,
  type UnboundedLimiterCall,
} from './bounded-concurrency';
export { hasShebang, isCommandLineEntryPoint, isPackageBin, packageTypeOf } from './entry-points';
export {
  blockingCallSilenceReasons,
  findBlockingCalls,
  planPromiseTwin,
  type BlockingCall,
  type BlockingCallSilenceReason,
  type BlockingCallsOptions,
  type BlockingCallsResult,
} from './blocking-calls';
export { findCallbackApiCalls, type CallbackApiCall, type CallbackApiCallsOptions } from './callback-apis';
export { planAwaitTwin } from './callback-to-await';
export { findPipeChains, isShownNodeStream, pipeChainSilenceReasons, type PipeChainFacts, type PipeChainSilenceReason, type ReportedPipeChain } from './stream-pipes';
export { shortStreamText, type PipeChain, type PipeStage, type StreamListener } from './pipe-links';
export { planPipeline, type PipelinePlan } from './pipeline-plan';
export { nodeStreamApis, type NodeStreamApi } from './catalogues/stream-apis';
export { findPromiseWrappers, promiseWrapperOf, type PromiseWrapper, type PromiseWrapperOptions } from './promise-wrappers';
export {
  defaultTestFilePatterns,
  effectKindOfName,
  effectVerbs,
  globalStateObjects,
  moduleLoaders,
  moduleRegistryResets,
  verbModifiers,
  type EffectKind,
} from './catalogues/effect-verbs';
export { findNonThenableAwait, type NonThenableAwait } from './await-thenable';
export { findReturnAwaitProblems, type ReturnAwaitFinding, type ReturnAwaitMode, returnAwaitModes, type ReturnAwaitProblem } from './return-await';
export { findMissingAsync, type MissingAsync, type MissingAsyncOptions } from './promise-functions';
export {
  abortableApiOf,
  abortableApis,
  abortableGlobalOf,
  describeAbortableApi,
  describeSignalPlacement,
  moduleObjectAliases,
  type AbortableApi,
  type AbortableResult,
  type AbortableRole,
  type SignalPlacement,
} from './catalogues/abortable-apis';
export {
  abortableApiAt,
  canonicalModuleMember,
  findAbortableCalls,
  signalArgumentOf,
  type AbortableCall,
  type SignalArgument,
} from './abortable-calls';
export { insertionStatement, racesOf, type Race } from './races';
export {
  findUncancelledRaces,
  planCancellableRace,
  raceSilenceReasons,
  type RacedOperation,
  type RaceSilenceReason,
  type UncancelledRace,
  type UncancelledRacesResult,
} from './uncancelled-races';
export {
  findLeakedTimers,
  leakedTimerSilenceReasons,
  type LeakedTimer,
  type LeakedTimerKind,
  type LeakedTimerSilenceReason,
  type LeakedTimersOptions,
  type LeakedTimersResult,
} from './leaked-timers';
export {
  findUnpropagatedSignals,
  type ProjectSignalTaker,
  projectSignalTakerAt,
  signalPropagationSilenceReasons,
  type SignalPropagationSilenceReason,
  type UnpropagatedSignal,
  type UnpropagatedSignalsResult,
} from './signal-propagation';
export {
  findHandBuiltSignals,
  handBuiltSignalSilenceReasons,
  type HandBuiltSignal,
  type HandBuiltSignalKind,
  type HandBuiltSignalsOptions,
  type HandBuiltSignalSilenceReason,
  type HandBuiltSignalsResult,
} from './hand-built-signals';
export {
  describeTimeoutOptions,
  findUntimedNetworkCalls,
  networkTimeoutSilenceReasons,
  type NetworkTimeoutOptions,
  type NetworkTimeoutSilenceReason,
  type UntimedNetworkCall,
  type UntimedNetworkCallsResult,
} from './network-timeouts';
export { findThenChains, thenChainRefusalReasons, type ThenChain, type ThenChainOptions } from './then-chains';
export { isPromiseMethod, memberName, methodCallOf, promiseStaticCall, type MethodCall, type PromiseMethod } from './promise-methods';
export {
  catchOrReturnSilenceReasons,
  judgeCatchOrReturn,
  type CatchOrReturnJudgement,
  type CatchOrReturnOptions,
  type CatchOrReturnSilenceReason,
  type UnterminatedChain,
} from './promise-termination';
export { canReachEnd } from './exits';
export {
  alwaysReturnSilenceReasons,
  judgeAlwaysReturn,
  thenHandlerOf,
  type AlwaysReturnJudgement,
  type AlwaysReturnOptions,
  type AlwaysReturnSilenceReason,
  type ThenHandler,
} from './then-handlers';
export {
  findMisnamedExecutorParams,
  findNewStatic,
  findTrivialPromiseConstructor,
  findUselessPromiseWrap,
  judgeReturnWrap,
  returnWrapSilenceReasons,
  type MisnamedExecutorParam,
  type NewStatic,
  type ParamNamesOptions,
  type ReturnWrap,
  type ReturnWrapOptions,
  type ReturnWrapSilenceReason,
  type TrivialPromiseConstructor,
  type UselessPromiseWrap,
} from './promise-constructs';
export {
  judgeReturnInFinally,
  judgeValidParams,
  returnInFinallySilenceReasons,
  validParamsSilenceReasons,
  type ArgumentCountRule,
  type InvalidParams,
  type ReturnInFinallySilenceReason,
  type ValidParamsSilenceReason,
} from './promise-calls';
export {
  enginesPredateStatic,
  findExtractedResolvers,
  findPromiseTryConstructor,
  findResolveThenBoilerplate,
  promiseBoilerplateSilenceReasons,
  promiseStaticsSince,
  type ExtractedResolvers,
  type PromiseBoilerplateSilenceReason,
  type PromiseTryBoilerplate,
} from './promise-boilerplate';
export { findMultipleResolves, type MultipleResolve } from './multiple-resolves';
export { judgeNesting, nestingSilenceReasons, type NestingSilenceReason } from './nested-chains';
export {
  judgePreferCatch,
  nonStandardPromiseMember,
  preferCatchSilenceReasons,
  type PreferCatchSilenceReason,
  type TwoArgumentThen,
} from './promise-style';
export {
  describeResourceAcquisition,
  describeResourceRelease,
  resourceApiOf,
  resourceApis,
  resourceMethodOf,
  type ResourceAcquisition,
  type ResourceApi,
  type ResourceLifetime,
  type ResourceRelease,
} from './catalogues/resource-apis';
export { resourceApiAt } from './resource-calls';
export {
  compilerOptionsSupportAwaitUsing,
  nodeRangeSupportsAwaitUsing,
  parseJsonc,
  supportsAwaitUsing,
  typescriptRangeSupportsUsing,
} from './disposal-target';
export { type FinallyDisposal, type FinallyDisposalOptions, findFinallyDisposals } from './finally-disposals';
export {
  findGeneratorHeldResources,
  findLeakedIterators,
  type GeneratorHeldResource,
  type GeneratorResourceOptions,
  type GeneratorResourceResult,
  type GeneratorResourceSilenceReason,
  type IteratorLeakKind,
  type IteratorLeakOptions,
  type IteratorLeakResult,
  type IteratorLeakSilenceReason,
  iteratorLeakSilenceReasons,
  type LeakedIterator,
} from './async-iterator-leaks';
export {
  describeAcquisition,
  findUnreleasedResources,
  resourceCleanupSilenceReasons,
  type ResourceCleanupOptions,
  type ResourceCleanupResult,
  type ResourceCleanupSilenceReason,
  type UnreleasedKind,
  type UnreleasedResource,
} from './resource-cleanup';
export {
  findForAwaitPromiseArrays,
  forAwaitArraySilenceReasons,
  type ForAwaitArraySilenceReason,
  type ForAwaitPromiseArray,
  type ForAwaitPromiseArraysResult,
} from './for-await-promise-arrays';
export {
  findVoidMemberMisuses,
  findVoidReturnMisuses,
  type VoidReturnFinding,
  type VoidReturnMessage,
  type VoidReturnOptions,
  type VoidReturnSuggestion,
} from './void-returns';
export {
  type AwaitInPromiseMethod,
  findAwaitInPromiseMethod,
  findSinglePromiseInPromiseMethod,
  type SinglePromiseInPromiseMethod,
  type SinglePromiseSuggestion,
} from './promise-method-arrays';
export { type AsyncFinallyCallback, type AwaitMemberAccess, findAsyncFinallyCallback, findAwaitMemberAccess } from './await-members';
export {
  findThenAssignment,
  findThenClassMember,
  findThenDefinitions,
  findThenExports,
  findThenProperties,
  type ThenableKind,
  type ThenMember,
} from './thenables';
export { type DeferToMicrotask, type DeferToMicrotaskOptions, findNextTick, findTimerDeferral } from './microtasks';
export {
  boundedHelperName,
  boundedLimiterKinds,
  planBoundedFanOut,
  planBoundedForEach,
  planBoundedLoop,
  refusedSilencedLoop,
  type BoundedFormOptions,
  type BoundedLimiterKind,
  type BoundedRewrite,
} from './bounded-forms';
export {
  callbackLiteralSilenceReasons,
  callbackReturnSilenceReasons,
  errorFirstCallbackNames,
  errorParameterMatcher,
  handleCallbackErrSilenceReasons,
  isNeverAnError,
  judgeCallbackLiteral,
  judgeCallbackReturn,
  judgeHandleCallbackErr,
  type CallbackLiteralSilenceReason,
  type CallbackReturnSilenceReason,
  type HandleCallbackErrSilenceReason,
} from './error-first-callbacks';
export {
  findTopLevelPromise,
  moduleKindOf,
  topLevelAwaitSilenceReasons,
  type ModuleKind,
  type TopLevelAwaitSilenceReason,
  type TopLevelPromise,
} from './top-level-await';
export {
  awaitableCallbackNames,
  awaitToCallbacksSilenceReasons,
  callbackInPromiseSilenceReasons,
  errorParameterNames,
  judgeAwaitToCallbacksCall,
  judgeCallbackParameter,
  judgeCallbackInPromise,
  judgePromiseInCallback,
  promiseCallbackNames,
  promiseInCallbackSilenceReasons,
  timeoutFunctions,
  type AwaitToCallbacksFinding,
  type AwaitToCallbacksSilenceReason,
  type CallbackInPromise,
  type CallbackInPromiseOptions,
  type CallbackInPromiseSilenceReason,
  type PromiseInCallbackOptions,
  type PromiseInCallbackSilenceReason,
} from './callback-promise-mixing';
export {
  atomicUpdateSilenceReasons,
  findAtomicUpdateRaces,
  type AtomicUpdate,
  type AtomicUpdatesOptions,
  type AtomicUpdatesResult,
  type AtomicUpdateSilenceReason,
} from './atomic-updates';
export { findUnsafeSettledReads, settledReadSilenceReasons, type SettledField, type SettledReadSilenceReason, type UnsafeSettledRead } from './settled-results';
export { arrayFromAsyncSilenceReasons, arrayFromAsyncSince, enginesPredateArrayFromAsync, findArrayFromAsyncLoops, type ArrayFromAsyncLoop } from './array-from-async';
export {
  planSignalChain,
  type SignalChainChange,
  type SignalChainEntries,
  type SignalChainPlan,
  type SignalChainRefusal,
} from './signal-chain';
export { planCallbackToAsync, type CallbackToAsyncOptions } from './callback-to-async';
export {
  findCallbackLastFunctions,
  judgeCallbackLastFunction,
  type CallbackLastFunction,
  type CallbackProblem,
} from './callback-last-functions';
export type { ProjectChange, ProjectNote, ProjectPlan, ProjectRefusal } from './project-plan';
export { callbackToAsyncReasons } from './edits';
