// Doc tables generated from the analysis catalogues, so an API and its twin are written once.
import {
  abortableApis,
  arrayCallbackMethods,
  asyncCallbackHarms,
  blockingApis,
  collectionLibraries,
  collectionLibraryFunctions,
  describeAbortableApi,
  describeCallbackResult,
  describeLimiterCall,
  describeLimitPosition,
  describeSignalPlacement,
  describeTwin,
  type Limiter,
  limiters,
  nodeCallbackApis,
  describeResourceAcquisition,
  describeResourceRelease,
  type ResourceApi,
  resourceApis,
} from '../packages/analysis/src/index';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** `no-sync-in-async`'s table: each blocking call, its twin, and whether the rewrite is offered. */
export function blockingApisTable(): string {
  const rows = blockingApis.map((api) => {
    const call = api.module === null ? `\`${api.object ?? ''}.${api.name}\`` : `\`${api.module}.${api.name}\``;
    const twin = api.twin ? describeTwin(api.twin) : 'none';
    const rewrite = api.twin === null ? 'no' : api.sameValue ? (api.unsupportedOptions ? 'yes, unless it passes an unsupported option' : 'yes') : 'no';
    return `| ${call} | ${cell(twin)} | ${api.sameValue ? 'yes' : 'no'} | ${rewrite} | ${cell(api.difference ?? '')} |`;
  });
  return ['| Blocking call | Promise twin | Same value | Rewrite offered | Difference |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The callback APIs and their twins: how the callback's values become the twin's result, and where a signal goes. */
export function nodeCallbackApisTable(): string {
  const rows = nodeCallbackApis.map((api) => {
    const call = api.receiver ? `\`${api.receiver}#${api.name}\`` : `\`${api.module}.${api.name}\``;
    const signal = api.signal === null ? '—' : api.signal.argument < 0 ? 'last argument `{ signal }`' : `argument ${api.signal.argument + 1} \`{ signal }\``;
    return `| ${call} | ${api.style} | ${cell(describeTwin(api.twin))} | ${cell(describeCallbackResult(api.result))} | ${signal} |`;
  });
  return ['| Callback API | Callback | Promise twin | Twin resolves to | Signal |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The cancellation table: each catalogued call, what it does with a signal, where the signal goes, and its timeout options. */
export function abortableApisTable(): string {
  const role = { 'accepts-signal': 'takes a signal', 'makes-signal': 'makes a signal', timer: 'timer, no signal' } as const;
  const rows = abortableApis.map((api) => {
    const call = api.module === null ? `\`${describeAbortableApi(api)}\` (global)` : `\`${describeAbortableApi(api)}\``;
    const note = api.abortableTwin ? `abortable twin: ${api.abortableTwin}` : api.network ? `network call${api.network.timeoutOptions.length > 0 ? `; timeout options: ${api.network.timeoutOptions.map((o) => `\`${o}\``).join(', ')}` : ''}` : '';
    return `| ${call} | ${role[api.role]} | ${cell(describeSignalPlacement(api.signal))} | ${api.result} | ${cell(note)} |`;
  });
  return ['| Call | Role | Signal | Gives | Notes |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The limiters table: each catalogued call, where its bound goes and what runs at once without one. */
export function limitersTable(): string {
  // async-es is async's ES-module build with the same functions: its rows would repeat async's.
  const rows = (limiters as readonly Limiter[]).filter((l) => l.package !== 'async-es').map((limiter) => {
    const running = limiter.default === 'required' ? 'required (no default)' : limiter.default === 'Infinity' ? '**all at once**' : String(limiter.default);
    const bounded = limiter.bounded ? `\`${limiter.bounded}\`` : '';
    return `| \`${limiter.package}\` | \`${describeLimiterCall(limiter)}\` | ${limiter.shape} | ${cell(describeLimitPosition(limiter.limit))} | ${running} | ${bounded} |`;
  });
  return ['| Package | Call | Shape | Bound goes in | Without a bound | Bounded form |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `no-async-array-callback`'s table: each method or library function and what an async callback does to it. */
export function arrayCallbacksTable(): string {
  const harms: Readonly<Record<string, string>> = asyncCallbackHarms;
  const methods = Object.entries(arrayCallbackMethods).map(
    ([name, harm]) => `| \`xs.${name}(…)\`${name === 'map' ? ' (result dropped)' : ''} | array, \`Iterator.prototype\` | ${cell(harms[harm] ?? harm)} |`,
  );
  const functions = Object.entries(collectionLibraryFunctions).map(
    ([name, harm]) => `| \`_.${name}(xs, …)\`${name === 'map' || name === 'collect' ? ' (result dropped)' : ''} | ${collectionLibraries.map((l) => `\`${l}\``).join(', ')} | ${cell(harms[harm] ?? harm)} |`,
  );
  return ['| Call | Of | With an async callback |', '| --- | --- | --- |', ...methods, ...functions].join('\n');
}

/** The resources table: what acquires each resource, how it is released, and whether `await using` can release it. */
export function resourceApisTable(): string {
  const rows = (resourceApis as readonly ResourceApi[]).map((api) => {
    const acquire = `\`${describeResourceAcquisition(api.acquire)}(…)\`${api.awaited ? ' (awaited)' : ''}`;
    const release = describeResourceRelease(api.release) + (api.releasedByIteration ? ', or a full `for await`' : '');
    const checked = api.lifetime === 'scoped' ? 'yes' : 'no (long-lived)';
    return `| ${cell(acquire)} | ${cell(api.resource)} | ${cell(release)} | ${api.asyncDispose ? (api.disposeMethod ? `yes (what \`.${api.disposeMethod}()\` does)` : 'yes (not one of its releases)') : 'no'} | ${checked} |`;
  });
  return ['| Acquired by | Resource | Released by | `Symbol.asyncDispose` on Node 20 | Checked by `require-resource-cleanup` |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
