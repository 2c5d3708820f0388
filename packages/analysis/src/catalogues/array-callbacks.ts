/**
 * Methods and library functions that call a callback for each element and use what it returns
 * synchronously: given an `async` callback, they get a promise where they wanted a value (`filter`
 * keeps every element, `find` returns the first, `sort` compares nothing), or they drop the
 * promises (`forEach`, a `map` whose result is discarded) so that nothing waits for the work and
 * a rejection is unhandled. `no-async-array-callback` reports them; the docs table is this list.
 */

/** What goes wrong when the callback is `async`, in words for the message. */
export type AsyncCallbackHarm = 'dropped' | 'truthy-test' | 'promise-accumulator' | 'promise-comparison' | 'unflattened' | 'promise-key';

export const asyncCallbackHarms = {
  dropped: 'nothing waits for the promises it returns, and a rejection among them is unhandled',
  'truthy-test': 'it tests the promise the callback returns, which is always truthy',
  'promise-accumulator': 'each step gets the previous step’s promise as its accumulator',
  'promise-comparison': 'it compares promises, so the order it produces means nothing',
  unflattened: 'it returns the promises themselves, not flattened results',
  'promise-key': 'it groups or orders by the promise the callback returns, not by its value',
} as const satisfies Record<AsyncCallbackHarm, string>;

/** Array methods (and `Iterator.prototype`'s helpers of the same name) with the harm of an async callback. `map` only when its result is discarded. */
export const arrayCallbackMethods = {
  forEach: 'dropped',
  map: 'dropped',
  filter: 'truthy-test',
  some: 'truthy-test',
  every: 'truthy-test',
  find: 'truthy-test',
  findIndex: 'truthy-test',
  findLast: 'truthy-test',
  findLastIndex: 'truthy-test',
  reduce: 'promise-accumulator',
  reduceRight: 'promise-accumulator',
  sort: 'promise-comparison',
  toSorted: 'promise-comparison',
  flatMap: 'unflattened',
} as const satisfies Record<string, AsyncCallbackHarm>;

/** lodash and underscore collection functions: the collection is argument 1, the callback argument 2. */
export const collectionLibraryFunctions = {
  each: 'dropped',
  eachRight: 'dropped',
  forEach: 'dropped',
  forEachRight: 'dropped',
  map: 'dropped',
  collect: 'dropped',
  times: 'dropped',
  filter: 'truthy-test',
  select: 'truthy-test',
  reject: 'truthy-test',
  remove: 'truthy-test',
  partition: 'truthy-test',
  some: 'truthy-test',
  any: 'truthy-test',
  every: 'truthy-test',
  all: 'truthy-test',
  find: 'truthy-test',
  detect: 'truthy-test',
  findLast: 'truthy-test',
  findIndex: 'truthy-test',
  findLastIndex: 'truthy-test',
  reduce: 'promise-accumulator',
  reduceRight: 'promise-accumulator',
  inject: 'promise-accumulator',
  foldl: 'promise-accumulator',
  foldr: 'promise-accumulator',
  sortBy: 'promise-key',
  groupBy: 'promise-key',
  countBy: 'promise-key',
  keyBy: 'promise-key',
  flatMap: 'unflattened',
} as const satisfies Record<string, AsyncCallbackHarm>;

/** The packages whose collection functions are catalogued (`lodash/fp` takes the callback first and is left out). */
export const collectionLibraries = ['lodash', 'lodash-es', 'underscore'] as const satisfies readonly string[];
