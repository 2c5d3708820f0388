/**
 * Node core modules whose exports return promises. A call is "known promise-returning" when it
 * resolves, through any import or require form, to one of these members. `'*'` means every function
 * the module exports returns a promise (constants such as `constants` are never called).
 */
export interface PromiseModule {
  /** Members that return promises, or `'*'` for all. */
  readonly members: readonly string[] | '*';
  /** Where the module is also reachable as a member of another (`fs.promises`). */
  readonly alsoAt?: { readonly module: string; readonly member: string };
}

export const promiseModules = {
  'fs/promises': { members: '*', alsoAt: { module: 'fs', member: 'promises' } },
  'dns/promises': { members: '*', alsoAt: { module: 'dns', member: 'promises' } },
  'stream/promises': { members: ['pipeline', 'finished'] },
  'timers/promises': { members: ['setTimeout', 'setImmediate', 'scheduler.wait', 'scheduler.yield'] },
  'readline/promises': { members: ['question'] },
} as const satisfies Record<string, PromiseModule>;

export type PromiseModuleName = keyof typeof promiseModules;

/** Globals whose calls return promises wherever they are not shadowed. */
export const promiseGlobals = ['fetch'] as const satisfies readonly string[];

/** Static methods of the built-in `Promise` that return promises. */
export const promiseStatics = [
  'all',
  'allSettled',
  'any',
  'race',
  'resolve',
  'reject',
  'try',
] as const satisfies readonly string[];

/** Strips the `node:` scheme so `node:fs/promises` and `fs/promises` share one entry. */
export function normalizeModuleName(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

/** Whether calling `member` of module `source` returns a promise, per {@link promiseModules}. */
export function isPromiseModuleMember(source: string, member: string | null): boolean {
  const name = normalizeModuleName(source);
  for (const [moduleName, entry] of Object.entries(promiseModules) as [string, PromiseModule][]) {
    if (moduleName === name) {
      if (member === null) return false;
      return entry.members === '*' || entry.members.includes(member);
    }
  }
  return false;
}

/** When `source`'s member `member` is itself a promise module (`fs` + `promises`), that module's name. */
export function promiseModuleAlias(source: string, member: string): string | null {
  const name = normalizeModuleName(source);
  for (const [moduleName, entry] of Object.entries(promiseModules) as [string, PromiseModule][]) {
    if (entry.alsoAt && entry.alsoAt.module === name && entry.alsoAt.member === member) return moduleName;
  }
  return null;
}
