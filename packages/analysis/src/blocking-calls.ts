/**
 * Blocking calls in async code: `fs.readFileSync`, `zlib.gzipSync`, `crypto.scryptSync`,
 * `Atomics.wait` … inside an `async` function hold up every other task of the process until they
 * return. The finder resolves each call through imports and `require` (modules.ts) to an entry of
 * `blockingApis`, never by its name; the planner writes the awaited promise twin.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { type BlockingApi, blockingApiNames, blockingApiOf, blockingApis, blockingGlobalOf, describeTwin } from './catalogues/blocking-apis';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import { isCommandLineEntryPoint } from './entry-points';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { importEdit, type ModuleReference, type ReferenceOptions, referenceTo } from './module-references';
import { moduleBindingOf, resolveModuleMember, staticPropertyName } from './modules';
import { isBuiltinGlobal } from './scope';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { isTestFile } from './sequential-awaits';
import { PerFile } from './per-file';

/** Why a call of a catalogued blocking API is not reported. */
export const blockingCallSilenceReasons = [
  /** At module top level: it runs once, before any other task of the module can. */
  'top-level',
  /** The file is a CLI (a shebang, or a `bin` of the nearest package.json): it runs one task and exits. */
  'command-line-entry-point',
  /** The nearest function is not `async`: the call cannot be awaited there (a sync helper, a sync callback). */
  'not-in-async-function',
  /** A test file (by the `testFiles` globs): a test runs one case at a time, so a blocking check holds up nothing. */
  'test-file',
] as const;

export type BlockingCallSilenceReason = (typeof blockingCallSilenceReasons)[number];

export interface BlockingCall {
  readonly node: TSESTree.CallExpression;
  readonly api: BlockingApi;
  /** `fs.readFileSync` as the code wrote it: for messages. */
  readonly name: string;
  /** The awaited twin at level `review`, or refused with the reason. */
  readonly plan: Plan;
}

export interface BlockingCallsOptions {
  /** The file's path, to tell whether it is a `bin` of its nearest package.json. */
  readonly filePath?: string;
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
  /** Leave CLI entry points alone (default `true`). */
  readonly allowEntryPoints?: boolean;
  /** Leave module top level alone (default `true`); when `false`, top-level calls are reported without a rewrite. */
  readonly allowTopLevel?: boolean;
}

export interface BlockingCallsResult {
  readonly calls: readonly BlockingCall[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: BlockingCallSilenceReason }[];
}

/**
 * Words a file must contain for any catalogued call to be there: `Sync` for the module functions,
 * the global's name for its methods. Derived from the catalogue, so a new entry cannot be missed.
 */
const gateWords = [...new Set(blockingApis.map((api) => api.object ?? (api.name.endsWith('Sync') ? 'Sync' : api.name)))];

const cache = new PerFile<Map<string, BlockingCallsResult>>();

/**
 * Every call of a catalogued blocking API inside an `async` function (or async arrow, method or
 * generator), resolved through the file's imports and requires, with the plan that awaits its
 * promise twin. Module top level and CLI entry points are silent by default. Cached per file and
 * options.
 */
export function findBlockingCalls(file: AnalysisFile, options: BlockingCallsOptions = {}): BlockingCallsResult {
  const allowEntryPoints = options.allowEntryPoints ?? true;
  const allowTopLevel = options.allowTopLevel ?? true;
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${options.filePath ?? ''}\0${options.relativePath ?? ''}\0${allowEntryPoints}\0${allowTopLevel}\0${testFiles.join('\0')}`;
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const inTestFile = isTestFile(options.relativePath, testFiles);
  const result = compute(file, options.filePath, allowEntryPoints, allowTopLevel, inTestFile);
  if (!byOptions) cache.set(file, (byOptions = new Map<string, BlockingCallsResult>()));
  byOptions.set(key, result);
  return result;
}

function compute(
  file: AnalysisFile,
  filePath: string | undefined,
  allowEntryPoints: boolean,
  allowTopLevel: boolean,
  inTestFile: boolean,
): BlockingCallsResult {
  const empty: BlockingCallsResult = { calls: [], silenced: [] };
  if (!gateWords.some((word) => file.text.includes(word))) return empty;
  const calls: BlockingCall[] = [];
  const silenced: BlockingCallsResult['silenced'][number][] = [];
  const found: { node: TSESTree.CallExpression; api: BlockingApi }[] = [];
  for (const node of candidateCalls(file)) {
    const api = blockingApiAt(file, node);
    if (api) found.push({ node, api });
  }
  if (found.length === 0) return empty;
  if (inTestFile) return { calls: [], silenced: found.map(({ node }) => ({ node, reason: 'test-file' as const })) };
  if (allowEntryPoints && isCommandLineEntryPoint(file.text, filePath)) {
    return { calls: [], silenced: found.map(({ node }) => ({ node, reason: 'command-line-entry-point' as const })) };
  }
  for (const { node, api } of found) {
    const where = enclosingContext(node);
    const name = calleeText(file, node);
    if (where === 'async') calls.push({ node, api, name, plan: planPromiseTwin(file, node, api) });
    else if (where === 'top-level' && !allowTopLevel) {
      calls.push({
        node,
        api,
        name,
        plan: refusedPlan({ reason: 'not-awaitable-here', message: 'Module top level cannot always await; move the call into an async function, or await the twin where top-level await is available.' }),
      });
    } else silenced.push({ node, reason: where === 'top-level' ? 'top-level' : 'not-in-async-function' });
  }
  return { calls, silenced };
}

/** The core modules the catalogue names, with and without `node:`. */
const catalogueModules = new Set(blockingApis.flatMap((api) => (api.module ? [api.module, `node:${api.module}`] : [])));
const globalObjects = new Set(blockingApis.flatMap((api) => (api.object ? [api.object] : [])));

/** The call whose callee is `node` (`node(…)`), or whose callee is the member `node.x` (`node.x(…)`, `node['x'](…)`). */
function callOf(node: TSESTree.Node): TSESTree.CallExpression | null {
  const parent = node.parent;
  if (parent?.type === 'CallExpression' && parent.callee === node) return parent;
  if (parent?.type === 'MemberExpression' && parent.object === node && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
    return parent.parent;
  }
  return null;
}

/**
 * Calls that may be catalogued, found from the bindings instead of a walk of the whole file (as
 * eslint-utils' ReferenceTracker does): the references of every variable bound to a catalogued
 * module by an import or `require`, inline `require('fs').x()` calls, and the references of a
 * global the catalogue names (`Atomics`). In source order.
 */
function candidateCalls(file: AnalysisFile): TSESTree.CallExpression[] {
  const calls = new Set<TSESTree.CallExpression>();
  const scopeManager = file.scopeManager;
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (!def || (def.type !== 'ImportBinding' && def.type !== 'Variable')) continue;
      const binding = moduleBindingOf(variable);
      if (!binding || !catalogueModules.has(binding.source)) continue;
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        const call = callOf(reference.identifier);
        if (call) calls.add(call);
      }
    }
  }
  const global = scopeManager.globalScope;
  if (global) {
    const globalReferences = [...global.through];
    for (const name of globalObjects) {
      const variable = global.set.get(name);
      if (variable && variable.defs.length === 0) globalReferences.push(...variable.references);
    }
    for (const reference of globalReferences) {
      const name = reference.identifier.name;
      if (globalObjects.has(name)) {
        const call = callOf(reference.identifier);
        if (call) calls.add(call);
      } else if (name === 'require') {
        // `require('fs').readFileSync(…)`: the require call is the object of the callee.
        const requireCall = reference.identifier.parent;
        if (requireCall?.type === 'CallExpression' && requireCall.callee === reference.identifier) {
          const call = callOf(requireCall);
          if (call) calls.add(call);
        }
      }
    }
  }
  return [...calls].sort((a, b) => a.range[0] - b.range[0]);
}

/** The catalogued blocking API a call resolves to, or `undefined`. */
function blockingApiAt(file: AnalysisFile, call: TSESTree.CallExpression): BlockingApi | undefined {
  const callee = call.callee;
  const last = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  if (last === null || !blockingApiNames.has(last)) return undefined;
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
    const global = blockingGlobalOf(callee.object.name, last);
    if (global) return isBuiltinGlobal(file.scopeManager, call, callee.object.name) ? global : undefined;
  }
  const member = resolveModuleMember(file.scopeManager, callee);
  if (!member || member.path.length !== 1) return undefined;
  return blockingApiOf(member.module, last);
}

/** Whether the call runs in an async function, at module top level, or in some other (sync) function. */
function enclosingContext(node: TSESTree.Node): 'async' | 'top-level' | 'sync' {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return current.async ? 'async' : 'sync';
      // Class field initialisers and static blocks run as their own (sync) functions.
      case 'PropertyDefinition':
      case 'AccessorProperty':
      case 'StaticBlock':
        if (current.type !== 'PropertyDefinition' || isInside(node, current.value)) return 'sync';
        break;
      default:
        break;
    }
  }
  return 'top-level';
}

function isInside(node: TSESTree.Node, container: TSESTree.Node | null): boolean {
  return container !== null && container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

function calleeText(file: AnalysisFile, call: TSESTree.CallExpression): string {
  const text = file.text.slice(call.callee.range[0], call.callee.range[1]);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Parents where `await x` must be parenthesised to keep `x`'s place: `(await x).y`, `(await x)()`. */
function needsParentheses(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === call;
    case 'CallExpression':
    case 'NewExpression':
      return parent.callee === call;
    case 'TaggedTemplateExpression':
      return parent.tag === call;
    case 'BinaryExpression':
      return parent.operator === '**' && parent.left === call;
    default:
      return false;
  }
}

/** Whether the text before `offset` ends a statement for sure, so a line starting with `(` cannot continue it. */
function startsSafely(text: string, offset: number): boolean {
  const before = text.slice(0, offset).replace(/(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)+$/u, '');
  return before === '' || /[;{}]$/.test(before);
}

/**
 * Plans `await` of the promise twin in place of a blocking call: `fs.readFileSync(p, 'utf8')` becomes
 * `await fs.promises.readFile(p, 'utf8')`, `gzipSync(buf)` becomes `await promisify(gzip)(buf)` with
 * the imports it needs added in the file's style. The plan is `review`, never `safe`: the new `await`
 * lets other tasks run before the function goes on, so state it reads afterwards may have changed
 * (Desynchronizer, OOPSLA 2021, found 12 behaviour changes in 244 such rewrites). Refused when
 * Node has no twin, when the twin gives another value, when the call passes an option the twin
 * lacks, and when the twin's name is taken.
 */
export function planPromiseTwin(file: AnalysisFile, call: TSESTree.CallExpression, api: BlockingApi): Plan {
  const twin = api.twin;
  if (twin === null) {
    return refusedPlan({ reason: 'no-promise-twin', message: `Node has no promise twin of \`${api.name}\`: ${api.difference ?? 'rewrite it by hand'}.` });
  }
  if (!api.sameValue) {
    return refusedPlan({
      reason: 'twin-value-differs',
      message: `Its promise twin ${describeTwin(twin)} gives another value (${api.difference ?? 'see the docs'}), so the rewrite is left to you.`,
    });
  }
  if (call.optional || call.parent.type === 'ChainExpression' || call.callee.type === 'ChainExpression') {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'An optional call is rewritten by hand.' });
  }
  if (api.unsupportedOptions) {
    const argument = call.arguments[api.unsupportedOptions.argument];
    if (argument && !isObjectWithout(argument, api.unsupportedOptions.names)) {
      return refusedPlan({
        reason: 'unsupported-option',
        message: `The call passes options the twin may not support (${api.unsupportedOptions.names.map((n) => `\`${n}\``).join(', ')}): ${api.difference ?? ''}`,
      });
    }
  }
  const reference = twinReference(file, call, twin);
  if (reference === null) {
    return refusedPlan({
      reason: 'twin-name-taken',
      message: `The twin ${describeTwin(twin)} needs a name this file already uses; import it under another name by hand.`,
    });
  }
  const parens = needsParentheses(call);
  if (parens && call.parent.type === 'MemberExpression' && !startsSafely(file.text, call.range[0]) && statementStartsAt(call)) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'The statement would start with `(` after a line without a semicolon.' });
  }
  const edits: TextEdit[] = [
    { range: [call.callee.range[0], call.callee.range[1]], text: `${parens ? '(' : ''}await ${reference.callee}` },
  ];
  if (parens) edits.push({ range: [call.range[1], call.range[1]], text: ')' });
  const imports = importEdit(file, reference.imports);
  if (reference.imports.length > 0 && imports === null) {
    return refusedPlan({ reason: 'twin-name-taken', message: 'There is no place to add the import the twin needs.' });
  }
  if (imports) edits.push(...imports.edits);
  const removedName = call.callee.type === 'MemberExpression' && call.callee.computed ? file.text.slice(call.callee.property.range[0], call.callee.property.range[1]) : api.name;
  return checkedPlan(file, 'review', edits, {
    owned: [call],
    vocabulary: {
      added: ['await', ...reference.words, ...(imports?.words ?? [])],
      removed: [removedName, ...reference.removed],
    },
  });
}

function statementStartsAt(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && node.parent.range[0] === call.range[0] && node.parent.type !== 'ExpressionStatement') node = node.parent;
  return node.parent?.type === 'ExpressionStatement' && node.parent.range[0] === call.range[0];
}

/** An object literal without spreads, computed keys or any of `names`. */
function isObjectWithout(node: TSESTree.Node, names: readonly string[]): boolean {
  if (node.type !== 'ObjectExpression') return false;
  return node.properties.every(
    (p) => p.type === 'Property' && !p.computed && !(p.key.type === 'Identifier' ? names.includes(p.key.name) : p.key.type === 'Literal' && names.includes(String(p.key.value))),
  );
}

export interface TwinCallee {
  /** The new callee text, the old callee's words kept where they still belong. */
  readonly callee: string;
  readonly words: readonly string[];
  /** Words of the old callee the new one drops (a binding no longer needed at this site). */
  readonly removed: readonly string[];
  readonly imports: readonly { readonly module: string; readonly name: string }[];
}

/**
 * The callee text of the twin at this call. A call on the module object keeps that object
 * (`fs.readFileSync` → `fs.promises.readFile`, `zlib.gzipSync` → `promisify(zlib.gzip)`); a named
 * import goes through a binding the file has or a new import.
 */
export function twinReference(file: AnalysisFile, call: TSESTree.CallExpression, twin: NonNullable<BlockingApi['twin']>, options: ReferenceOptions = {}): TwinCallee | null {
  const callee = call.callee;
  const objectText =
    callee.type === 'MemberExpression' && resolveModuleMember(file.scopeManager, callee.object)?.path.length === 0
      ? file.text.slice(callee.object.range[0], callee.object.range[1])
      : null;
  const oldWords = callee.type === 'Identifier' ? [callee.name] : [];
  switch (twin.kind) {
    case 'global':
      return { callee: `${file.text.slice(callee.range[0], callee.range[1] - (callee.type === 'MemberExpression' ? callee.property.range[1] - callee.property.range[0] : 0))}${twin.member}`, words: [twin.member], removed: [], imports: [] };
    case 'member': {
      if (objectText !== null && twin.viaModuleObject && callee.type === 'MemberExpression') {
        // The text up to the property stays as written (`fs\n  .readdirSync` keeps its line break).
        const kept = callee.computed ? `${objectText}.` : file.text.slice(callee.range[0], callee.property.range[0]);
        return { callee: `${kept}${twin.viaModuleObject}.${twin.member}`, words: [twin.viaModuleObject, twin.member], removed: [], imports: [] };
      }
      const sourceModule = twin.viaModuleObject ? { module: twin.module.split('/')[0] ?? twin.module, member: twin.viaModuleObject } : undefined;
      const reference = referenceTo(file, call, twin.module, twin.member, sourceModule, options);
      return reference ? fromReference(reference, oldWords) : null;
    }
    case 'promisify': {
      const promisify = referenceTo(file, call, 'util', 'promisify');
      if (!promisify) return null;
      const target: ModuleReference | null =
        objectText !== null ? { text: `${objectText}.${twin.member}`, words: [twin.member], needsImport: null } : referenceTo(file, call, twin.module, twin.member);
      if (!target) return null;
      const imports = [promisify.needsImport, target.needsImport].filter((i) => i !== null);
      return {
        callee: `${promisify.text}(${target.text})`,
        words: [...promisify.words, ...target.words],
        removed: oldWords,
        imports,
      };
    }
    default: {
      const never: never = twin;
      return never;
    }
  }
}

function fromReference(reference: ModuleReference, oldWords: readonly string[]): TwinCallee {
  return { callee: reference.text, words: reference.words, removed: oldWords, imports: reference.needsImport ? [reference.needsImport] : [] };
}
