/**
 * The plan of `callback-to-async`: the project's callback-last functions (`function load(p, cb)`)
 * become `async` functions returning their value, and every caller in the project is migrated with
 * them, so no caller is left passing a callback nobody calls.
 *
 * It plans over one TypeScript program (the tsconfig's, `.js` files included where `allowJs` or
 * `checkJs` holds them): the checker finds each function's references across files, imports,
 * re-exports and CommonJS `module.exports`/`require` (project-references.ts). Which functions
 * qualify, and how each call of the callback and each caller is written, is judged on the ESTree of
 * each file (callback-last-functions.ts, reusing the error-first-callback and callback-to-await
 * judgements). A file is rewritten in passes, each re-parsed: the function becomes `async` and its
 * own calls of the callback `return`/`throw`; then each awaitable call whose callback holds the rest
 * of the work (`fs.readFile(p, (err, d) => { … cb(null, d) })`) is awaited, which brings the rest
 * into the function's own body, where the next pass rewrites it. A function any of whose callers
 * or nested callbacks cannot be migrated is refused, and the round is planned again without it.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { asyncNameFor, type KeptFunction, keptCallbackApiEdits } from './callback-api-wrapper';
import { planAwaitTwin } from './callback-to-await';
import {
  type AwaitableCalls,
  type CallbackLastFunction,
  type CallbackProblem,
  asyncOffsetOf,
  callbackCallEdit,
  callbackRoutes,
  catalogueCalls,
  findCallbackLastFunctions,
  forwardEdits,
  judgeCallbackLastFunction,
  methodsNamed,
  nestedFunctionsNamed,
  rewriteCaller,
} from './callback-last-functions';
import { applyEdits, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { typescriptApi } from './oracle/parser-services-oracle';
import { projectProgram } from './oracle/typescript-project';
import { parseFile } from './parse';
import type { ProjectChange, ProjectPlan, ProjectRefusal } from './project-plan';
import { callOf, memberRefusal, methodRefusal, type ProjectFunction, projectReferences, projectSourceFiles, where } from './project-references';
import { callbackApiAt } from './promise-wrappers';
import { type FunctionNode, isFunctionNode, nearestFunctionOf, walk } from './walk';

interface Target {
  readonly label: string;
  readonly name: string;
  readonly sourceFile: ts.SourceFile;
  readonly file: AnalysisFile;
  readonly candidate: CallbackLastFunction;
  readonly paramCount: number;
  readonly callers: ts.CallExpression[];
  /** Exported, with `keepCallbackApi`: it keeps its callback API beside the promise, and its callers stay as they are. */
  readonly keepsApi: boolean;
  /** What its promise resolves to, written by the checker, for the TypeScript overloads; null in JavaScript. */
  readonly valueType: string | null;
}

export interface CallbackToAsyncOptions {
  /**
   * Exported functions keep their callback API beside the promise one (see callback-api-wrapper.ts),
   * so callers the program does not hold (a package's users) keep working; the project's own callers
   * are left as they are, except those inside functions this run makes async.
   */
  readonly keepCallbackApi?: boolean;
}

interface Caller {
  readonly target: Target;
  readonly call: ts.CallExpression;
}

type Outcome = { readonly text: string; readonly refused: Map<Target, CallbackProblem>; readonly hows: Map<ts.CallExpression, string> };

/** Passes a file gets: a few per function, since each pass awaits one call in the file. */
const passesPerFunction = 3;

/**
 * Plans `callback-to-async` over the project of `configPath` (see the module comment). Exported
 * functions are planned like any other, with every caller the program holds: callers outside it
 * are not seen.
 */
export function planCallbackToAsync(configPath: string, options: CallbackToAsyncOptions = {}): ProjectPlan {
  const api = typescriptApi();
  const program = projectProgram(configPath);
  const checker = program.getTypeChecker();
  const sourceFiles = projectSourceFiles(program, { javascript: true });
  const { symbolOf, referencesOf, identifiersNamed, overriding } = projectReferences(checker, sourceFiles);
  const rootDir = path.dirname(path.resolve(configPath));
  const texts = new Map<string, string>();
  const refusals: ProjectRefusal[] = [];
  const changes: ProjectChange[] = [];
  const fileOf = (sourceFile: ts.SourceFile) => path.resolve(sourceFile.fileName);
  const refuse = (sourceFile: ts.SourceFile, start: number, plan: string, problem: Pick<CallbackProblem, 'reason' | 'message'>) => {
    texts.set(fileOf(sourceFile), sourceFile.text);
    refusals.push({ file: fileOf(sourceFile), start, plan, reason: problem.reason, description: problem.message });
  };

  const parsed = new Map<ts.SourceFile, AnalysisFile | null>();
  const analysisFileOf = (sourceFile: ts.SourceFile): AnalysisFile | null => {
    if (!parsed.has(sourceFile)) {
      try {
        parsed.set(sourceFile, parseFile(sourceFile.text, sourceFile.fileName, { parser: 'oxc' }));
      } catch {
        parsed.set(sourceFile, null);
      }
    }
    return parsed.get(sourceFile) ?? null;
  };
  const tsIdentifierAt = (sourceFile: ts.SourceFile, start: number): ts.Identifier | undefined => {
    let found: ts.Identifier | undefined;
    const visit = (node: ts.Node): void => {
      if (found || node.end < start || node.pos > start) return;
      if (api.isIdentifier(node) && node.getStart(sourceFile) === start) found = node;
      else api.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  };

  // The candidates, with their callers through the checker; what the checker refuses is refused now.
  // A function that hands its callback to a candidate is one too, so the search runs until it finds no more.
  const targets: Target[] = [];
  const seen = new Set<string>();
  const key = (node: { getStart(): number; end: number } | TSESTree.Node) => ('range' in node ? `${node.range[0]}:${node.range[1]}` : `${node.getStart()}:${node.end}`);
  for (let found = true, round = 0; found; round++) {
    found = false;
    const candidateCalls = new Map<ts.SourceFile, Set<string>>();
    for (const target of targets) {
      for (const call of target.callers) {
        const keys = candidateCalls.get(call.getSourceFile()) ?? new Set<string>();
        keys.add(key(call));
        candidateCalls.set(call.getSourceFile(), keys);
      }
    }
    for (const sourceFile of sourceFiles) {
      const file = analysisFileOf(sourceFile);
      if (!file) continue;
      const catalogue = catalogueCalls(file);
      const keys = candidateCalls.get(sourceFile);
      const takesCallback: AwaitableCalls = (call) => catalogue(call) ?? (keys?.has(key(call)) ? { kind: 'project', name: '' } : null);
      for (const candidate of findCallbackLastFunctions(file, takesCallback)) {
        const owner = candidate.method ? `${ownerNameOf(candidate.fn)}.` : candidate.nested ? `${functionNameOf(candidate.nested.outer)}>` : '';
        const label = `${path.relative(rootDir, sourceFile.fileName)}#${owner}${candidate.name.name}`;
        const ordinal = candidate.method?.ordinal ?? candidate.nested?.ordinal;
        const seenKey = ordinal === undefined ? label : `${label}@${ordinal}`;
        if (seen.has(seenKey)) continue;
        seen.add(seenKey);
        found = true;
        admit(sourceFile, file, candidate, label);
      }
    }
  }

  /** Checks a candidate against the checker's view (annotations, overloads, every reference), and keeps it or refuses it. */
  function admit(sourceFile: ts.SourceFile, file: AnalysisFile, candidate: CallbackLastFunction, label: string): void {
    const nameNode = tsIdentifierAt(sourceFile, candidate.name.range[0]);
    const declaration = nameNode?.parent;
    const tsFn: ProjectFunction | undefined =
      declaration && (api.isFunctionDeclaration(declaration) || (candidate.method && api.isMethodDeclaration(declaration) && declaration.name === nameNode))
        ? declaration
        : declaration && api.isVariableDeclaration(declaration) && declaration.initializer && (api.isArrowFunction(declaration.initializer) || api.isFunctionExpression(declaration.initializer))
          ? declaration.initializer
          : undefined;
    const at = candidate.fn.range[0];
    if (!nameNode || !tsFn) return;
    const symbol = symbolOf(nameNode);
    if ((symbol?.declarations ?? []).filter((d) => api.isFunctionDeclaration(d) || api.isMethodDeclaration(d)).length > 1) {
      refuse(sourceFile, at, label, { reason: 'overloaded-function', message: 'The function has overloads; each would need its promise form, so it is left to you.' });
      return;
    }
    if (api.isMethodDeclaration(tsFn)) {
      // A method changes alone only when it is the one declaration its calls run (the add-abort-signal judgement).
      const member = memberRefusal(checker, tsFn, overriding, 'become async');
      if (member) {
        refuse(sourceFile, at, label, { reason: member.reason, message: `${candidate.name.name} ${member.message}.` });
        return;
      }
      // `x.load(…)` on a value typed `any` (an untyped parameter in JavaScript) may call it unseen.
      const unresolved = identifiersNamed(candidate.name.name).find((id) => api.isPropertyAccessExpression(id.parent) && id.parent.name === id && symbolOf(id) === undefined);
      if (unresolved) {
        refuse(sourceFile, at, label, { reason: 'union-receiver', message: `\`${unresolved.parent.getText()}\` at ${where(unresolved)} is reached through a value of no known type: the method it calls may be this one.` });
        return;
      }
      if (options.keepCallbackApi === true) {
        refuse(sourceFile, at, label, { reason: 'kept-api-not-writable', message: 'A method keeps no callback API (no wrapper is written for methods); run without --keep-callback-api to migrate it with its callers.' });
        return;
      }
    }
    const callers: ts.CallExpression[] = [];
    let problem: Pick<CallbackProblem, 'reason' | 'message'> | null = null;
    let exported = candidate.fn.parent.type === 'ExportNamedDeclaration' || candidate.fn.parent.type === 'ExportDefaultDeclaration' || candidate.fn.parent.parent?.parent?.type === 'ExportNamedDeclaration';
    for (const reference of referencesOf(tsFn)) {
      const use = useOf(reference);
      if (use === 'export') exported = true;
      if (use === 'other' || use === 'export') continue;
      if (use === 'value') {
        problem = { reason: 'used-as-value', message: `${reference.text} is used as a value at ${where(reference)}: whoever calls it there passes a callback the async function would ignore.` };
        break;
      }
      const call = callOf(reference);
      const viaMember = call && api.isMethodDeclaration(tsFn) ? methodRefusal(checker, call, tsFn, overriding, 'become async') : null;
      if (viaMember) {
        problem = { reason: viaMember.reason, message: `${reference.text}(…) at ${where(reference)} ${viaMember.message}.` };
        break;
      }
      if (!call || call.arguments.some((a) => api.isSpreadElement(a))) {
        problem = { reason: 'dynamic-call', message: `${reference.text} is called with spread arguments at ${where(reference)}: the callback's place cannot be seen.` };
        break;
      }
      if (call.arguments.length !== candidate.fn.params.length) {
        problem = { reason: 'arguments-differ', message: `${reference.text} is called with ${call.arguments.length} arguments at ${where(reference)}, not ${candidate.fn.params.length}: the callback's place is not the last parameter's.` };
        break;
      }
      callers.push(call);
    }
    if (problem) {
      refuse(sourceFile, at, label, problem);
      return;
    }
    const keepsApi = options.keepCallbackApi === true && exported;
    const typescript = /\.[cm]?tsx?$/.test(sourceFile.fileName);
    targets.push({ label, name: candidate.name.name, sourceFile, file, candidate, paramCount: candidate.fn.params.length, callers, keepsApi, valueType: keepsApi && typescript ? callbackValueType(tsFn) : null });
  }

  /** The type of the value the function's callback is given (its second parameter), as the promise overload writes it. */
  function callbackValueType(tsFn: ProjectFunction): string {
    const param = tsFn.parameters[tsFn.parameters.length - 1];
    if (!param) return 'unknown';
    const type = checker.getTypeAtLocation(param);
    if (type.flags & api.TypeFlags.Any) return 'any';
    const signature = checker.getNonNullableType(type).getCallSignatures()[0];
    const value = signature?.parameters[1];
    if (!signature) return 'unknown';
    if (!value) return 'void';
    let valueType = checker.getTypeOfSymbolAtLocation(value, param);
    const declaration = value.valueDeclaration;
    // An optional value parameter (`value?: T`) reads as `T | undefined`; the promise resolves to `T`.
    if (declaration && api.isParameter(declaration) && declaration.questionToken && valueType.isUnion() && !valueType.types.some((t) => t.flags & api.TypeFlags.Null)) valueType = checker.getNonNullableType(valueType);
    return checker.typeToString(valueType, tsFn, api.TypeFormatFlags.NoTruncation | api.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
  }

  // Rounds: judge every remaining function, rewrite every file they touch, drop what failed, again.
  const current = new Set(targets);
  let outcomes = new Map<ts.SourceFile, Outcome>();
  for (;;) {
    const callsByFile = new Map<ts.SourceFile, Map<string, Caller>>();
    for (const target of current) {
      for (const call of target.callers) {
        const sourceFile = call.getSourceFile();
        const byKey = callsByFile.get(sourceFile) ?? new Map<string, Caller>();
        byKey.set(key(call), { target, call });
        callsByFile.set(sourceFile, byKey);
      }
    }
    const awaitableIn = (file: AnalysisFile, sourceFile: ts.SourceFile): AwaitableCalls => {
      const catalogue = catalogueCalls(file);
      const byKey = callsByFile.get(sourceFile);
      return (call) => {
        const caller = byKey?.get(key(call));
        return catalogue(call) ?? (caller ? { kind: 'project', name: caller.target.name } : null);
      };
    };
    let dropped = false;
    for (const target of [...current]) {
      // Judged first, so a function that is no error-first callback-last function is not listed for its annotation.
      const judged = judgeCallbackLastFunction(target.file, target.candidate, awaitableIn(target.file, target.sourceFile));
      const problem: CallbackProblem | null =
        judged ??
        (target.candidate.fn.returnType ? { reason: 'return-type-annotated', message: 'The function declares its return type; write the `Promise<…>` it becomes by hand, or remove the annotation.', at: target.candidate.fn.range[0] } : null) ??
        (target.keepsApi && callsBackSynchronously(target, callsByFile, new Set())
          ? {
              reason: 'calls-back-synchronously',
              message: `${target.name} calls its callback before it returns on some path; the callback API it keeps would call it later, which its callers outside the project may depend on. Run without --keep-callback-api to migrate it with its callers.`,
              at: target.candidate.fn.range[0],
            }
          : null);
      if (problem) {
        refuse(target.sourceFile, problem.at, target.label, problem);
        current.delete(target);
        dropped = true;
      }
    }
    if (dropped) continue;
    outcomes = new Map();
    const files = new Set<ts.SourceFile>([...[...current].map((t) => t.sourceFile), ...callsByFile.keys()]);
    for (const sourceFile of files) {
      const file = analysisFileOf(sourceFile);
      if (!file) continue;
      const own = [...current].filter((t) => t.sourceFile === sourceFile);
      const outcome = rewriteFile(file, own, callsByFile.get(sourceFile) ?? new Map(), awaitableIn(file, sourceFile));
      outcomes.set(sourceFile, outcome);
      for (const [target, problem] of outcome.refused) {
        if (!current.has(target)) continue;
        refuse(sourceFile, problem.at, target.label, problem);
        current.delete(target);
        dropped = true;
      }
    }
    if (!dropped) break;
  }

  const edits = new Map<string, TextEdit[]>();
  for (const [sourceFile, outcome] of outcomes) {
    const before = sourceFile.text;
    if (outcome.text === before) continue;
    texts.set(fileOf(sourceFile), before);
    edits.set(fileOf(sourceFile), [narrowest(before, outcome.text)]);
    for (const [call, how] of outcome.hows) {
      const callee = call.expression.getText(sourceFile);
      changes.push({ file: fileOf(sourceFile), start: call.getStart(sourceFile), plan: [...current].find((t) => t.callers.includes(call))?.label ?? '', kind: 'caller', description: `${callee}(…) ${how}` });
    }
  }
  for (const target of current) {
    changes.push({
      file: fileOf(target.sourceFile),
      start: target.candidate.fn.range[0],
      plan: target.label,
      kind: 'function',
      description: target.keepsApi
        ? `${target.name} becomes async as ${asyncNameFor(target.name)}, and ${target.name} keeps its callback API beside the promise (callers left as they are)`
        : `${target.name} becomes async and returns what it passed to ${target.candidate.callback.name}`,
    });
  }
  changes.sort((a, b) => (a.file === b.file ? a.start - b.start : a.file < b.file ? -1 : 1));
  return { edits, texts, changes, refusals, functions: [...current].map((t) => t.label) };

  /** Whether the target can call its callback before it returns: along a route of project calls each of which can (a Node callback API never does). */
  function callsBackSynchronously(target: Target, callsByFile: ReadonlyMap<ts.SourceFile, ReadonlyMap<string, Caller>>, visiting: Set<Target>): boolean {
    if (visiting.has(target)) return false;
    visiting.add(target);
    const byKey = callsByFile.get(target.sourceFile);
    const synchronous = callbackRoutes(target.file, target.candidate).some((route) =>
      route.every((call) => {
        const callee = byKey?.get(key(call))?.target;
        return callee !== undefined && callsBackSynchronously(callee, callsByFile, visiting);
      }),
    );
    visiting.delete(target);
    return synchronous;
  }

  /** One file's rewrite, in passes (see the module comment); the targets and callers it could not migrate are named. */
  function rewriteFile(original: AnalysisFile, own: readonly Target[], callers: ReadonlyMap<string, Caller>, awaitable: AwaitableCalls): Outcome {
    const refused = new Map<Target, CallbackProblem>();
    const hows = new Map<ts.CallExpression, string>();
    const fail = (target: Target, problem: CallbackProblem) => {
      if (!refused.has(target)) refused.set(target, problem);
    };
    const pass1: TextEdit[] = [];
    const deferred = new Set<string>();
    // The callee texts of the project calls left to a later pass, and the function each calls.
    const laterCallees = new Map<string, Target>();
    for (const target of own) {
      const fn = target.candidate.fn;
      const refs = callbackReferences(original, target.candidate);
      pass1.push({ range: [asyncOffsetOf(target.candidate), asyncOffsetOf(target.candidate)], text: 'async ' });
      for (const ref of refs) {
        const call = ref.parent as TSESTree.CallExpression;
        if (call.callee === ref) {
          const nested = nearestFunctionOf(call) !== fn;
          const edit = callbackCallEdit(original, call);
          if ('reason' in edit) {
            if (!nested) fail(target, edit);
            continue;
          }
          // In a nested callback only its own error's forward (`if (err) return cb(err)`) is written now, as
          // the `throw` the awaited form of its call turns into a rejection; anything else waits until the
          // awaited form brought it into the function's body, where a `throw` rejects the function's promise.
          if (nested && !forwardsOwnError(call)) continue;
          pass1.push(edit);
        } else if (nearestFunctionOf(call) === fn) {
          const forwarded = forwardEdits(original, call, awaitable);
          if ('reason' in forwarded) fail(target, forwarded);
          else pass1.push(...forwarded);
          const caller = callers.get(key(call));
          if (caller) {
            deferred.add(key(call));
            hows.set(caller.call, `returns ${caller.target.name}'s promise`);
          }
        }
      }
    }
    // Project calls inside a function being migrated, in its chain of awaited callbacks, are awaited
    // by a later pass; so are calls inside another caller's callback, whose text that caller's rewrite moves.
    const ownFns = own.map((t) => t.candidate.fn);
    const callerCalls: TSESTree.CallExpression[] = [];
    walk(original.ast, original.visitorKeys, (node) => {
      if (node.type === 'CallExpression' && callers.has(key(node)) && !deferred.has(key(node))) callerCalls.push(node);
    });
    // Later passes know a project call by how its callee is written; a callee written alike for another
    // function (`this.load(…)` in two classes, a shadowing name) would be taken for it.
    const calleeText = (node: TSESTree.CallExpression) => original.text.slice(node.callee.range[0], node.callee.range[1]);
    const byText = new Map<string, Target>();
    const alike = new Set<Target>();
    const calls: TSESTree.CallExpression[] = [];
    walk(original.ast, original.visitorKeys, (node) => {
      if (node.type === 'CallExpression') calls.push(node);
    });
    for (const node of calls) {
      const target = callers.get(key(node))?.target;
      const before = target && byText.get(calleeText(node));
      if (before && before !== target) alike.add(before).add(target);
      if (target) byText.set(calleeText(node), target);
    }
    for (const node of calls) {
      const target = byText.get(calleeText(node));
      if (target && !callers.has(key(node)) && node.arguments.length === target.paramCount) alike.add(target);
    }
    for (const target of alike) {
      const text = [...byText].find(([, t]) => t === target)?.[0] ?? target.name;
      fail(target, { reason: 'callee-written-alike', message: `\`${text}(…)\` also calls another function in ${path.basename(original.path ?? '')}; the rewrite follows calls by how they are written, so it leaves them to you.`, at: target.candidate.fn.range[0] });
    }
    let postponed = false;
    for (const node of callerCalls) {
      const caller = callers.get(key(node));
      if (!caller) continue;
      laterCallees.set(original.text.slice(node.callee.range[0], node.callee.range[1]), caller.target);
      const owner = ownFns.find((fn) => fn.range[0] <= node.range[0] && node.range[1] <= fn.range[1] && chainReaches(node, fn, awaitable));
      // A function that keeps its callback API keeps its callers too, but for those its caller's async body awaits.
      if (caller.target.keepsApi && !owner) continue;
      if (callerCalls.some((other) => other !== node && other.arguments.some((a) => a.range[0] <= node.range[0] && node.range[1] <= a.range[1]))) {
        postponed = true;
        hows.set(caller.call, 'is migrated with the callback it is in');
        continue;
      }
      const callback = node.arguments[node.arguments.length - 1];
      const ownCallback = owner && callback?.type === 'Identifier' && owner.params[owner.params.length - 1]?.type === 'Identifier' && (owner.params[owner.params.length - 1] as TSESTree.Identifier).name === callback.name;
      if (owner && node.parent.type === 'ExpressionStatement' && (callback?.type === 'ArrowFunctionExpression' || callback?.type === 'FunctionExpression' || ownCallback)) {
        deferred.add(key(node));
        // Awaited once the pass before brought it into the function's body (or, refused that, kept on `.then`).
        hows.set(caller.call, ownCallback ? `returns ${caller.target.name}'s promise` : `is migrated with ${functionNameOf(owner)}`);
        continue;
      }
      const rewrite = rewriteCaller(original, node, caller.target.name, { allowAwait: true });
      if ('reason' in rewrite) {
        fail(caller.target, { ...rewrite, message: `A caller cannot be migrated (${where(caller.call)}): ${rewrite.message}` });
        continue;
      }
      pass1.push(...rewrite.edits);
      hows.set(caller.call, rewrite.how === 'await' ? 'is awaited' : 'keeps its callback through .then');
    }
    let text: string;
    try {
      text = applyEdits(original.text, pass1);
    } catch {
      for (const target of own) fail(target, { reason: 'would-lose-code', message: 'The planned edits overlap; this is an asyncwise bug, please report it with this code.', at: target.candidate.fn.range[0] });
      return { text: original.text, refused, hows };
    }
    if (own.length === 0 && !postponed) return { text, refused, hows };

    // Later passes: what the awaited callbacks brought into each function's own body.
    const lastFailure = new Map<Target, CallbackProblem>();
    for (let pass = 0; pass < 4 + passesPerFunction * own.length; pass++) {
      const file = reparse(text);
      if (!file) break;
      const catalogue = catalogueCalls(file);
      const anyLater: AwaitableCalls = (call) => {
        const callee = laterCallees.get(file.text.slice(call.callee.range[0], call.callee.range[1]));
        return catalogue(call) ?? (callee && call.arguments.length === callee.paramCount ? { kind: 'project', name: callee.name } : null);
      };
      const ownNow = own.map((t) => functionOf(file, t.candidate)).filter((fn) => fn !== null);
      // A call of a function that keeps its callback API is migrated only where a function made async awaits it.
      const later: AwaitableCalls = (call) => {
        const kind = anyLater(call);
        if (kind?.kind !== 'project' || !laterCallees.get(file.text.slice(call.callee.range[0], call.callee.range[1]))?.keepsApi) return kind;
        return ownNow.some((fn) => fn.range[0] <= call.range[0] && call.range[1] <= fn.range[1] && chainReaches(call, fn, anyLater)) ? kind : null;
      };
      const edits: TextEdit[] = [];
      // The outermost project calls still taking a callback, outside the chains the targets await themselves.
      const pending: TSESTree.CallExpression[] = [];
      walk(file.ast, file.visitorKeys, (node) => {
        if (node.type !== 'CallExpression' || later(node)?.kind !== 'project') return;
        pending.push(node);
        return false;
      });
      for (const call of pending) {
        if (ownNow.some((fn) => fn.range[0] <= call.range[0] && call.range[1] <= fn.range[1] && chainReaches(call, fn, later))) continue;
        const kind = later(call);
        const rewrite = kind?.kind === 'project' ? rewriteCaller(file, call, kind.name, { allowAwait: true }) : null;
        if (rewrite && !('reason' in rewrite)) edits.push(...rewrite.edits);
      }
      // One awaited call per pass in the whole file: two twins' imports would be added twice.
      let awaited = false;
      for (const target of own) {
        if (refused.has(target)) continue;
        const fn = functionOf(file, target.candidate);
        if (!fn) continue;
        const candidate = { fn, name: target.candidate.name, callback: fn.params[fn.params.length - 1] as TSESTree.Identifier };
        const refs = callbackReferences(file, candidate);
        for (const statement of ownStatements(file, fn)) {
          if (statement.type !== 'ExpressionStatement' && statement.type !== 'ReturnStatement') continue;
          const call = statement.type === 'ExpressionStatement' ? statement.expression : statement.argument;
          if (call?.type !== 'CallExpression') continue;
          const ref = refs.find((r) => r.parent === call);
          if (ref && call.callee === ref) {
            const edit = callbackCallEdit(file, call);
            if ('reason' in edit) lastFailure.set(target, { ...edit, at: target.candidate.fn.range[0] });
            else edits.push(edit);
            continue;
          }
          if (ref) {
            const forwarded = forwardEdits(file, call, later);
            if ('reason' in forwarded) lastFailure.set(target, { ...forwarded, at: target.candidate.fn.range[0] });
            else edits.push(...forwarded);
            continue;
          }
          const kind = later(call);
          const callback = call.arguments[call.arguments.length - 1];
          if (awaited || !kind || statement.type !== 'ExpressionStatement' || (callback?.type !== 'ArrowFunctionExpression' && callback?.type !== 'FunctionExpression')) continue;
          if (kind.kind === 'catalogue') {
            if (!refs.some((r) => callback.range[0] <= r.range[0] && r.range[1] <= callback.range[1])) continue;
            const api = callbackApiAt(file, call);
            const plan = api ? planAwaitTwin(file, call, api, callback) : null;
            if (plan && plan.level !== 'refused') {
              edits.push(...plan.edits);
              awaited = true;
            } else if (plan) {
              const refusal = plan.refusals[0];
              if (refusal) lastFailure.set(target, { reason: 'nested-callback-not-migratable', message: `The callback of ${file.text.slice(call.callee.range[0], call.callee.range[1])}(…) cannot be awaited: ${refusal.message}`, at: target.candidate.fn.range[0] });
            }
          } else {
            const rewrite = rewriteCaller(file, call, kind.name, { allowAwait: true });
            if ('reason' in rewrite) lastFailure.set(target, { reason: 'nested-callback-not-migratable', message: `${kind.name}(…) cannot be migrated here: ${rewrite.message}`, at: target.candidate.fn.range[0] });
            else {
              edits.push(...rewrite.edits);
              awaited = true;
            }
          }
        }
      }
      if (edits.length === 0) break;
      try {
        text = applyEdits(file.text, edits);
      } catch {
        break;
      }
    }

    // Last: every callback call and forward is gone, so the parameter goes; a function that kept one is refused.
    const file = reparse(text);
    if (file) {
      const ownNow = own.map((t) => functionOf(file, t.candidate));
      walk(file.ast, file.visitorKeys, (node) => {
        const callee = node.type === 'CallExpression' ? laterCallees.get(file.text.slice(node.callee.range[0], node.callee.range[1])) : undefined;
        if (!callee || callee.keepsApi || node.type !== 'CallExpression' || node.arguments.length !== callee.paramCount) return;
        // One inside a function being migrated is that function's to report (below).
        if (ownNow.some((fn) => fn && fn.range[0] <= node.range[0] && node.range[1] <= fn.range[1])) return;
        fail(callee, { reason: 'caller-not-migratable', message: `A call of ${callee.name} in ${path.basename(original.path ?? '')} sits in a callback whose rewrite could not be made.`, at: callee.candidate.fn.range[0] });
      });
      if (own.length === 0) return refused.size > 0 ? { text: original.text, refused, hows } : { text, refused, hows };
    }
    if (!file) {
      for (const target of own) fail(target, { reason: 'would-lose-code', message: 'The rewrite does not parse; this is an asyncwise bug, please report it with this code.', at: target.candidate.fn.range[0] });
      return { text, refused, hows };
    }
    const finalEdits: TextEdit[] = [];
    const kept: { target: Target; fn: FunctionNode; param: TSESTree.Identifier }[] = [];
    for (const target of own) {
      if (refused.has(target)) continue;
      const fn = functionOf(file, target.candidate);
      const param = fn?.params[fn.params.length - 1];
      if (!fn || param?.type !== 'Identifier') {
        fail(target, { reason: 'would-lose-code', message: 'The function was lost in the rewrite; this is an asyncwise bug.', at: target.candidate.fn.range[0] });
        continue;
      }
      const left = callbackReferences(file, { fn, name: target.candidate.name, callback: param });
      if (left.length > 0) {
        fail(target, lastFailure.get(target) ?? { reason: 'nested-callback-not-migratable', message: `\`${param.name}\` is still called where the rewrite could not reach (a callback that cannot be awaited).`, at: target.candidate.fn.range[0] });
        continue;
      }
      let laterCall: TSESTree.CallExpression | null = null;
      walk(fn, file.visitorKeys, (node) => {
        const callee = node.type === 'CallExpression' ? laterCallees.get(file.text.slice(node.callee.range[0], node.callee.range[1])) : undefined;
        if (node.type === 'CallExpression' && callee && !callee.keepsApi && callee.paramCount === node.arguments.length) laterCall = node;
        return laterCall === null;
      });
      if (laterCall) {
        const callee = laterCallees.get(file.text.slice((laterCall as TSESTree.CallExpression).callee.range[0], (laterCall as TSESTree.CallExpression).callee.range[1]));
        if (callee) fail(callee, { reason: 'caller-not-migratable', message: `A call of ${callee.name} inside ${target.name} stays in a callback the rewrite could not await.`, at: callee.candidate.fn.range[0] });
        fail(target, { reason: 'nested-callback-not-migratable', message: 'A call in a callback of the function could not be awaited.', at: target.candidate.fn.range[0] });
        continue;
      }
      if (!target.keepsApi) finalEdits.push(parameterRemoval(file, fn, param));
      else kept.push({ target, fn, param });
    }
    const wrapped = keptCallbackApiEdits(file, kept.map(({ target, fn }): KeptFunction => ({ fn, valueType: target.valueType })));
    for (const { target, fn, param } of kept) {
      const problem = wrapped.refused.get(fn);
      if (problem) fail(target, { ...problem, at: target.candidate.fn.range[0] });
      else finalEdits.push(parameterRemoval(file, fn, param));
    }
    if (refused.size > 0) return { text: original.text, refused, hows };
    return { text: applyEdits(file.text, [...finalEdits, ...wrapped.edits]), refused, hows };

    function reparse(next: string): AnalysisFile | null {
      try {
        return parseFile(next, original.path ?? 'file.ts', { parser: 'oxc' });
      } catch {
        return null;
      }
    }
  }
}

function functionNameOf(fn: FunctionNode): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  if ((fn.parent.type === 'MethodDefinition' || fn.parent.type === 'Property') && fn.parent.key.type === 'Identifier') return fn.parent.key.name;
  return fn.parent.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : 'the function';
}

/** `cb(err)` in the `if (err)` branch of the nested callback whose first parameter `err` is. */
function forwardsOwnError(call: TSESTree.CallExpression): boolean {
  const [error, ...rest] = call.arguments;
  const owner = nearestFunctionOf(call);
  const first = owner?.params[0];
  if (error?.type !== 'Identifier' || rest.length > 0 || first?.type !== 'Identifier' || first.name !== error.name) return false;
  for (let child: TSESTree.Node = call; child.parent && child !== owner; child = child.parent) {
    const parent: TSESTree.Node = child.parent;
    if (parent.type === 'IfStatement' && parent.consequent === child && parent.test.type === 'Identifier' && parent.test.name === error.name) return true;
  }
  return false;
}

/** The references of the callback parameter (its calls and forwards) in the function. */
function callbackReferences(file: AnalysisFile, candidate: CallbackLastFunction): TSESTree.Identifier[] {
  const scope = file.scopeManager.acquire(candidate.fn, true) ?? file.scopeManager.acquire(candidate.fn);
  return (scope?.set.get(candidate.callback.name)?.references ?? []).map((r) => r.identifier as TSESTree.Identifier).filter((id) => id !== candidate.callback);
}

/** Whether every function between `node` and `fn` is the inline callback of an awaitable call. */
function chainReaches(node: TSESTree.Node, fn: FunctionNode, awaitable: AwaitableCalls): boolean {
  for (let current = nearestFunctionOf(node); current !== fn; current = nearestFunctionOf(current)) {
    const parent = current?.parent;
    if (!current || parent?.type !== 'CallExpression' || !awaitable(parent) || parent.arguments[parent.arguments.length - 1] !== current) return false;
  }
  return true;
}

/** The statements of the function's own body, nested blocks and `if` branches included, nested functions not. */
function ownStatements(file: AnalysisFile, fn: FunctionNode): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  if (fn.body.type !== 'BlockStatement') return out;
  walk(fn.body, file.visitorKeys, (node) => {
    if (isFunctionNode(node) || node.type === 'ClassBody') return false;
    if (node.type === 'ExpressionStatement' || node.type === 'ReturnStatement') out.push(node);
    return true;
  });
  return out;
}

/** The candidate's function in a rewritten text of its file: the module-level function of its name, or the same method. */
function functionOf(file: AnalysisFile, candidate: CallbackLastFunction): FunctionNode | null {
  if (candidate.method) return methodsNamed(file, candidate.name.name)[candidate.method.ordinal] ?? null;
  if (candidate.nested) return nestedFunctionsNamed(file, candidate.name.name)[candidate.nested.ordinal] ?? null;
  return moduleFunctionNamed(file, candidate.name.name);
}

/** How the report names a method's owner: its class, or the variable its object literal initialises. */
function ownerNameOf(fn: FunctionNode): string {
  const owner = fn.parent.parent;
  if (owner?.type === 'ClassBody' && (owner.parent.type === 'ClassDeclaration' || owner.parent.type === 'ClassExpression') && owner.parent.id) return owner.parent.id.name;
  if (owner?.type === 'ObjectExpression' && owner.parent.type === 'VariableDeclarator' && owner.parent.id.type === 'Identifier') return owner.parent.id.name;
  return '(anonymous)';
}

/** The module-level function declared or held in a `const` under `name`. */
function moduleFunctionNamed(file: AnalysisFile, name: string): FunctionNode | null {
  for (const statement of file.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name) return declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = declarator.init;
        if (declarator.id.type === 'Identifier' && declarator.id.name === name && (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression')) return init;
      }
    }
  }
  return null;
}

/** Drops the last parameter (`, cb: Callback`); an arrow left without parameters gets its parentheses. */
function parameterRemoval(file: AnalysisFile, fn: FunctionNode, param: TSESTree.Identifier): TextEdit {
  const end = Math.max(param.range[1], param.typeAnnotation?.range[1] ?? 0);
  const previous = fn.params[fn.params.length - 2];
  if (previous) {
    // A trailing comma after the callback goes too.
    const after = /^\s*,/.exec(file.text.slice(end));
    return { range: [previous.range[1], after ? end + after[0].length : end], text: '' };
  }
  const before = file.text.slice(0, param.range[0]).trimEnd();
  return before.endsWith('(') ? { range: [param.range[0], end], text: '' } : { range: [param.range[0], end], text: '()' };
}

/** The one edit that turns `before` into `after`: what lies between their common start and end. */
function narrowest(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: [start, before.length - end], text: after.slice(start, after.length - end) };
}

/** How a reference uses the function: a call, an export, an import (or a type query), or a value. */
function useOf(reference: ts.Identifier): 'call' | 'export' | 'other' | 'value' {
  const api = typescriptApi();
  const parent = reference.parent;
  if (api.isExportSpecifier(parent) || api.isExportAssignment(parent)) return 'export';
  if (api.isImportSpecifier(parent) || api.isImportClause(parent) || api.isTypeQueryNode(parent) || api.isBindingElement(parent)) return 'other';
  if (callOf(reference)) return 'call';
  // `const which = require('./which')`: the CommonJS import of it.
  if (api.isVariableDeclaration(parent) && parent.name === reference && parent.initializer && isRequire(parent.initializer)) return 'other';
  if (api.isPropertyAccessExpression(parent) && parent.name === reference && isRequire(parent) && api.isVariableDeclaration(parent.parent) && parent.parent.initializer === parent) return 'other';
  // `load.sync = loadSync`: a property set on the function calls nothing (unlike `load.call(…)`).
  if (api.isPropertyAccessExpression(parent) && parent.expression === reference && api.isBinaryExpression(parent.parent) && parent.parent.left === parent && parent.parent.operatorToken.kind === api.SyntaxKind.EqualsToken) return 'other';
  // CommonJS exports: `module.exports = { f }`, `{ f: f }`, `exports.f = f`, `module.exports.f = …`.
  const exportsTarget = (node: ts.Node): boolean => {
    const text = node.getText();
    return text === 'module.exports' || text === 'exports' || text.startsWith('module.exports.') || text.startsWith('exports.');
  };
  const assigned = (node: ts.Node): boolean => api.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === api.SyntaxKind.EqualsToken && node.parent.right === node && exportsTarget(node.parent.left);
  if ((api.isShorthandPropertyAssignment(parent) || (api.isPropertyAssignment(parent) && parent.initializer === reference)) && api.isObjectLiteralExpression(parent.parent) && assigned(parent.parent)) return 'export';
  if (assigned(reference)) return 'export';
  if (api.isPropertyAccessExpression(parent) && parent.name === reference && api.isBinaryExpression(parent.parent) && parent.parent.left === parent && exportsTarget(parent)) return 'export';
  return 'value';
}

/** `require('…')`, or a property of it (`require('./store').load`). */
function isRequire(node: ts.Expression): boolean {
  const api = typescriptApi();
  const call = api.isPropertyAccessExpression(node) ? node.expression : node;
  return api.isCallExpression(call) && api.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1 && api.isStringLiteralLike(call.arguments[0] as ts.Expression);
}
