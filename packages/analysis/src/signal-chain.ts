/**
 * The plan of `add-abort-signal`: from entry functions, the async call chain of the project, and the
 * edits that thread an optional `AbortSignal` through it — a `signal` taken by every function on the
 * chain, passed to every abortable call (the `abortableApis` catalogue) and to every function on the
 * chain, and passed by every other caller that has a signal in scope.
 *
 * It plans over one TypeScript program (the one `typescript-project.ts` loads for the tsconfig): the
 * checker resolves each call to its declaration across files and imports, which is all the chain
 * needs, so no second loader (ts-morph) is used. The catalogue is read on the ESTree of each file on
 * the chain, matched to the program's calls by source range, so which calls are abortable is
 * judged in one place for rules and codemods alike. Nothing here writes: the result is text edits
 * per file, each change and refusal with its place and the function whose plan made it.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import { findAbortableCalls, signalArgumentOf } from './abortable-calls';
import type { AbortableApi } from './catalogues/abortable-apis';
import type { RefusalReason, TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { typescriptApi } from './oracle/parser-services-oracle';
import { programOracle, projectProgram } from './oracle/typescript-project';
import { parseFile } from './parse';
import type { ProjectChange, ProjectNote, ProjectPlan, ProjectRefusal } from './project-plan';
import { appendToList } from './layout';
import { callOf, declarationName, functionName, methodRefusal, type ProjectFunction, projectReferences, projectSourceFiles, where } from './project-references';
import { addSignalEdits } from './races';
import { typedSignalTakerAt } from './signal-takers';
import { walk } from './walk';

/** Where the chain starts: functions named in files, or every exported async function of the project. */
export type SignalChainEntries = { readonly kind: 'named'; readonly entries: readonly { readonly file: string; readonly name: string }[] } | { readonly kind: 'all-exports' };

export type SignalChainNote = ProjectNote;

export interface SignalChainChange extends ProjectChange {
  readonly kind: 'function' | 'abortable-call' | 'chain-call' | 'caller';
}

export type SignalChainRefusal = ProjectRefusal;

export interface SignalChainPlan extends ProjectPlan {
  readonly changes: readonly SignalChainChange[];
  /** The functions on the chain, changed or already taking a signal (`file#name`). */
  readonly functions: readonly string[];
}

/** How a function on the chain takes its signal, and the expression that reads it in its body. */
type SignalSlot =
  | { readonly kind: 'option'; readonly index: number; readonly read: string }
  | { readonly kind: 'argument'; readonly index: number; readonly read: string };

/** A function the chain can thread: a function, a `const` bound to one, or a class's or object literal's method the checker resolves a call to. */
type ChainFunction = ProjectFunction;

interface ChainMember {
  readonly node: ChainFunction;
  readonly sourceFile: ts.SourceFile;
  readonly label: string;
  readonly slot: SignalSlot;
}

const signalType = 'AbortSignal';

/**
 * Plans `add-abort-signal` over the project of `configPath`. Refused functions are listed and left
 * out of the chain (their callees are not followed through them); refused calls are listed and left
 * as written.
 */
export function planSignalChain(configPath: string, entries: SignalChainEntries): SignalChainPlan {
  const api = typescriptApi();
  const program = projectProgram(configPath);
  const checker = program.getTypeChecker();
  const sourceFiles = projectSourceFiles(program, { javascript: false });
  const projectFiles = new Set(sourceFiles);
  const edits = new Map<string, TextEdit[]>();
  const texts = new Map<string, string>();
  const changes: SignalChainChange[] = [];
  const refusals: SignalChainRefusal[] = [];
  const members = new Map<ChainFunction, ChainMember>();
  const refused = new Set<ChainFunction>();
  const rootDir = path.dirname(path.resolve(configPath));

  const labelOf = (node: ChainFunction, sourceFile: ts.SourceFile): string => `${path.relative(rootDir, sourceFile.fileName)}#${labelName(api, node) ?? '(anonymous)'}`;
  const edit = (sourceFile: ts.SourceFile, range: readonly [number, number], text: string) => {
    const fileName = path.resolve(sourceFile.fileName);
    texts.set(fileName, sourceFile.text);
    const list = edits.get(fileName) ?? [];
    list.push({ range, text });
    edits.set(fileName, list);
  };
  const refuse = (sourceFile: ts.SourceFile, start: number, plan: string, reason: RefusalReason, description: string) => {
    // Its text places the refusal (line and column) in the report, edited or not.
    texts.set(path.resolve(sourceFile.fileName), sourceFile.text);
    if (refusals.some((r) => r.file === path.resolve(sourceFile.fileName) && r.start === start && r.reason === reason)) return;
    refusals.push({ file: path.resolve(sourceFile.fileName), start, plan, reason, description });
  };

  const { symbolOf, referencesOf, overriding } = projectReferences(checker, sourceFiles);
  const declaredSymbol = (node: ChainFunction): ts.Symbol | undefined => {
    const name = declarationName(node);
    return name ? symbolOf(name) : undefined;
  };

  /** Why the function cannot join the chain, or its slot. */
  const admit = (node: ChainFunction, sourceFile: ts.SourceFile): SignalSlot | { refused: RefusalReason; message: string } => {
    const symbol = declaredSymbol(node);
    if (!symbol) return { refused: 'function-used-as-value', message: 'the function has no name of its own, so its callers cannot be found' };
    if ((symbol.declarations ?? []).filter((d) => api.isFunctionDeclaration(d) || api.isMethodDeclaration(d)).length > 1) {
      return { refused: 'overloaded-function', message: 'the function has overloads; each would need the signal, so it is left to you' };
    }
    for (const reference of referencesOf(node)) {
      const use = useOf(api, reference);
      if (use === 'value') return { refused: 'function-used-as-value', message: `${reference.text} is used as a value at ${where(reference)}: whoever calls it there may pass other arguments where the signal would go` };
      if (use === 'spread') return { refused: 'spread-call', message: `${reference.text} is called with spread arguments at ${where(reference)}: an argument could land where the signal would go` };
    }
    return slotOf(api, checker, node, sourceFile);
  };

  const queue: ChainMember[] = [];
  const enqueue = (node: ChainFunction, sourceFile: ts.SourceFile, from: string, at: number) => {
    if (members.has(node) || refused.has(node)) return;
    const label = labelOf(node, sourceFile);
    const slot = admit(node, sourceFile);
    if ('refused' in slot) {
      refused.add(node);
      refuse(sourceFile, node.getStart(sourceFile), label, slot.refused, slot.message);
      void from;
      void at;
      return;
    }
    const member: ChainMember = { node, sourceFile, label, slot };
    members.set(node, member);
    queue.push(member);
  };

  for (const entry of entryFunctions(api, checker, sourceFiles, entries)) {
    if ('missing' in entry) {
      refusals.push({ file: entry.file, start: 0, plan: `${entry.file}#${entry.name}`, reason: 'entry-not-found', description: entry.missing });
      continue;
    }
    enqueue(entry.node, entry.sourceFile, 'entry', 0);
  }

  const abortableApiFor = new Map<TSESTree.CallExpression, AbortableApi>();
  const files = new Map<ts.SourceFile, { readonly file: AnalysisFile; readonly abortable: Map<string, TSESTree.CallExpression>; readonly calls: Map<string, TSESTree.CallExpression> }>();
  /** A file of the program parsed for the analysis, with its catalogued calls and every call by range. */
  const analysisOf = (sourceFile: ts.SourceFile) => {
    const known = files.get(sourceFile);
    if (known) return known;
    // With the program's types: a call the catalogue does not know is abortable when its signature
    // takes a signal (an injected `fetch: FetchLike`, a client library's method).
    const file = parseFile(sourceFile.text, sourceFile.fileName, { parser: 'oxc', oracle: programOracle(program, sourceFile) });
    const found = findAbortableCalls(file);
    for (const c of found) abortableApiFor.set(c.node, c.api);
    const calls = new Map<string, TSESTree.CallExpression>();
    walk(file.ast, file.visitorKeys, (node: TSESTree.Node) => {
      if (node.type === 'CallExpression') calls.set(`${node.range[0]}:${node.range[1]}`, node);
    });
    const analysed = { file, abortable: new Map(found.map((c) => [`${c.node.range[0]}:${c.node.range[1]}`, c.node])), calls };
    files.set(sourceFile, analysed);
    return analysed;
  };
  const rangeKey = (sourceFile: ts.SourceFile, call: ts.CallExpression) => `${call.getStart(sourceFile)}:${call.end}`;
  /** What the checker shows a call's signature takes, where the declaration index and catalogue show nothing. */
  const typedTakerAt = (sourceFile: ts.SourceFile, call: ts.CallExpression): { estree: TSESTree.CallExpression; api: AbortableApi } | undefined => {
    const { file, calls } = analysisOf(sourceFile);
    const node = calls.get(rangeKey(sourceFile, call));
    const typed = node ? typedSignalTakerAt(file, node) : null;
    return node && typed ? { estree: node, api: typed } : undefined;
  };
  // The chain: every async project function an on-chain function calls.
  const callsOf = new Map<ChainMember, ts.CallExpression[]>();
  const edges = new Map<ChainMember, Set<ChainFunction>>();
  while (queue.length > 0) {
    const member = queue.shift() as ChainMember;
    const calls: ts.CallExpression[] = [];
    const visit = (node: ts.Node): void => {
      if (api.isCallExpression(node)) calls.push(node);
      // A callback written in a call runs while the function waits for that call (`items.map(async
      // (x) => …)`); any other function in it (returned, stored, a method, a class) may run after the
      // function returned, when the caller's signal no longer speaks for it.
      if (isFunctionBoundary(api, node) && !isCallbackArgument(api, node)) return;
      api.forEachChild(node, visit);
    };
    if (member.node.body) visit(member.node.body);
    callsOf.set(member, calls);
    for (const call of calls) {
      const target = calleeDeclaration(api, checker, call, overriding);
      if (!target) continue;
      if (target.kind === 'refused') {
        // One that already takes a signal gets it as an abortable call: nothing of it needs to change.
        if (projectFiles.has(target.node.getSourceFile()) && !typedTakerAt(member.sourceFile, call)) {
          refuse(member.sourceFile, call.getStart(member.sourceFile), member.label, target.reason, target.message);
        }
        continue;
      }
      const targetFile = target.node.getSourceFile();
      if (!projectFiles.has(targetFile) || !isAsyncFunction(api, checker, target.node)) continue;
      enqueue(target.node, targetFile, member.label, call.getStart(member.sourceFile));
      const callees = edges.get(member) ?? new Set<ChainFunction>();
      callees.add(target.node);
      edges.set(member, callees);
    }
  }

  // The edits: each function's slot, then every call a chain function makes and every caller of one.
  /**
   * The catalogue's entry for a call, or, for a call of no function on the chain (those get the
   * signal as chain calls), what the checker shows its signature takes.
   */
  const takerAt = (sourceFile: ts.SourceFile, call: ts.CallExpression): { estree: TSESTree.CallExpression; api: AbortableApi } | undefined => {
    const estree = analysisOf(sourceFile).abortable.get(rangeKey(sourceFile, call));
    const catalogued = estree ? abortableApiFor.get(estree) : undefined;
    if (estree && catalogued) return { estree, api: catalogued };
    const target = calleeDeclaration(api, checker, call, overriding);
    if (target?.kind === 'function' && members.has(target.node)) return undefined;
    return typedTakerAt(sourceFile, call);
  };

  // Each function's own edits, held until the chain is pruned: a function is kept only when a
  // signal it takes can reach an abortable call, in it or in a function it calls on the chain.
  const own = new Map<ChainMember, { readonly edits: [ts.SourceFile, readonly [number, number], string][]; readonly changes: SignalChainChange[]; reaches: boolean }>();
  for (const member of members.values()) {
    const { node, sourceFile, label } = member;
    const held: { edits: [ts.SourceFile, readonly [number, number], string][]; changes: SignalChainChange[]; reaches: boolean } = { edits: [], changes: [], reaches: false };
    own.set(member, held);
    const edit = (file: ts.SourceFile, range: readonly [number, number], text: string) => held.edits.push([file, range, text]);
    const changes = held.changes;
    const signature = signatureEdit(api, node, sourceFile);
    if (signature) {
      edit(sourceFile, signature.range, signature.text);
      changes.push({ file: path.resolve(sourceFile.fileName), start: node.getStart(sourceFile), plan: label, kind: 'function', description: `${label.split('#')[1] ?? ''} takes ${signature.what}` });
    }
    const read = member.slot.read;
    for (const call of callsOf.get(member) ?? []) {
      // A call inside a nested function of its own parameter named like the signal's reader would
      // read that one; the reader is a parameter of the chain function, so any shadowing is refused at admission.
      const taker = takerAt(sourceFile, call);
      if (taker) {
        const { estree, api: catalogued } = taker;
        const given = signalArgumentOf(estree, catalogued);
        const start = call.getStart(sourceFile);
        const callee = call.expression.getText(sourceFile);
        if (given.kind === 'passed') {
          held.reaches = true;
          continue;
        }
        // A signal parameter of its own left out (`request(url, signal?)`): the signal goes there.
        if (given.kind === 'unknown' && catalogued.signal?.kind === 'argument' && call.arguments.length <= catalogued.signal.argument) {
          const added = argumentEdit(api, sourceFile, call, catalogued.signal.argument, read, true);
          if (added) {
            edit(sourceFile, added.range, added.text);
            held.reaches = true;
            changes.push({ file: path.resolve(sourceFile.fileName), start, plan: label, kind: 'abortable-call', description: `${callee}(…) gets the signal` });
            continue;
          }
        }
        if (given.kind === 'unknown') {
          refuse(sourceFile, start, label, 'opaque-signal-options', `${callee}(…) gets options the analysis cannot see into (a variable, a spread); pass the signal by hand`);
          continue;
        }
        if (given.shorthand && !catalogued.encodingShorthand) {
          refuse(sourceFile, start, label, 'opaque-signal-options', `${callee}(…) gets a string where its options go; write the options object with the signal by hand`);
          continue;
        }
        // Node's APIs read an `undefined` argument as one left out, so the values before the options
        // can be filled (`setTimeout(ms)` → `setTimeout(ms, undefined, { signal })`) — except where
        // the options move with the arguments given (`spawn(cmd, opts)`).
        const pad = catalogued.signal?.kind === 'option' && catalogued.signal.shift === undefined;
        const file = analysisOf(sourceFile).file;
        // Options written at the call (an object, or the string that stands for `{ encoding }`) get the
        // property as every signal edit of the analysis adds it.
        const added = given.options || given.shorthand ? (file ? addSignalEdits(file, estree, catalogued, read, given) : null) : [argumentEdit(api, sourceFile, call, given.index, `{ ${signalProperty(read)} }`, pad)];
        if (!added || added.some((e) => e === null)) {
          refuse(sourceFile, start, label, 'argument-gap', `${callee}(…) leaves out arguments before its options; pass the signal by hand`);
          continue;
        }
        for (const e of added) if (e) edit(sourceFile, e.range, e.text);
        held.reaches = true;
        changes.push({ file: path.resolve(sourceFile.fileName), start, plan: label, kind: 'abortable-call', description: `${callee}(…) gets the signal` });
      }
    }
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [member, held] of own) {
      if (held.reaches) continue;
      if ([...(edges.get(member) ?? [])].some((callee) => { const m = members.get(callee); return m !== undefined && own.get(m)?.reaches === true; })) {
        held.reaches = true;
        grew = true;
      }
    }
  }
  for (const [member, held] of own) {
    if (!held.reaches) {
      members.delete(member.node);
      continue;
    }
    for (const [file, range, text] of held.edits) edit(file, range, text);
    changes.push(...held.changes);
  }

  // Every call of a chain function in the project: from the chain, the caller's own signal; from
  // elsewhere, a signal the caller has in scope, or nothing.
  for (const member of members.values()) {
    for (const reference of referencesOf(member.node)) {
      const call = callOf(reference);
      if (!call) continue;
      const sourceFile = reference.getSourceFile();
      const start = call.getStart(sourceFile);
      const enclosing = enclosingChainMember(api, call, members);
      const signal = enclosing ? enclosing.slot.read : signalInScope(api, checker, call);
      if (signal === null) continue;
      const plan = enclosing ? enclosing.label : member.label;
      const callee = call.expression.getText(sourceFile);
      const arg = call.arguments[member.slot.index];
      let added: TextEdit | null;
      if (member.slot.kind === 'argument') {
        if (arg) continue;
        added = argumentEdit(api, sourceFile, call, member.slot.index, signal, true);
      } else if (!arg) {
        added = argumentEdit(api, sourceFile, call, member.slot.index, `{ ${signalProperty(signal)} }`, true);
      } else if (api.isObjectLiteralExpression(arg)) {
        if (arg.properties.some((p) => api.isSpreadAssignment(p))) {
          refuse(sourceFile, start, plan, 'opaque-signal-options', `${callee}(…) spreads its options; pass the signal by hand`);
          continue;
        }
        if (arg.properties.some((p) => p.name !== undefined && api.isIdentifier(p.name) && p.name.text === 'signal')) continue;
        added = objectLiteralEdit(api, sourceFile, arg, signal);
      } else if (arg.kind === api.SyntaxKind.UndefinedKeyword || (api.isIdentifier(arg) && arg.text === 'undefined')) {
        added = { range: [arg.getStart(sourceFile), arg.end], text: `{ ${signalProperty(signal)} }` };
      } else {
        refuse(sourceFile, start, plan, 'opaque-signal-options', `${callee}(…) gets options the analysis cannot see into; pass the signal by hand`);
        continue;
      }
      if (!added) continue;
      edit(sourceFile, added.range, added.text);
      changes.push({ file: path.resolve(sourceFile.fileName), start, plan, kind: enclosing ? 'chain-call' : 'caller', description: `${callee}(…) passes ${enclosing ? 'its signal' : `the signal in scope (${signal})`}` });
    }
  }

  return { edits, texts, changes, refusals, functions: [...members.values()].map((m) => m.label) };
}

/** How the report names a function: its name, or a method's owner and name (`Client.get`, `api.load`). */
function labelName(api: typeof ts, node: ChainFunction): string | null {
  const name = functionName(node);
  if (!api.isMethodDeclaration(node) || name === null) return name;
  const owner = node.parent;
  if (api.isClassLike(owner)) return `${owner.name?.text ?? '(class)'}.${name}`;
  const holder = owner.parent;
  return api.isVariableDeclaration(holder) && api.isIdentifier(holder.name) ? `${holder.name.text}.${name}` : name;
}

/** How a reference uses the function: called (and how), or taken as a value. */
function useOf(api: typeof ts, reference: ts.Identifier): 'call' | 'spread' | 'value' | 'other' {
  const parent = reference.parent;
  if (api.isImportSpecifier(parent) || api.isExportSpecifier(parent) || api.isImportClause(parent) || api.isExportAssignment(parent) || api.isTypeQueryNode(parent)) return 'other';
  const call = callOf(reference);
  if (call) return call.arguments.some((a) => api.isSpreadElement(a)) ? 'spread' : 'call';
  // `ns.f` as a callee is a call; as anything else it is a value, as is the bare name.
  return 'value';
}

type Callee = { readonly kind: 'function'; readonly node: ChainFunction } | { readonly kind: 'refused'; readonly node: ts.Node; readonly reason: RefusalReason; readonly message: string };

/** The project function a call calls, through the checker (imports and re-exports followed), or why it is left alone. */
function calleeDeclaration(api: typeof ts, checker: ts.TypeChecker, call: ts.CallExpression, overriding: (method: ts.MethodDeclaration) => ts.Node | undefined): Callee | undefined {
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || api.isJSDocSignature(declaration)) return undefined;
  const name = call.expression.getText();
  if (api.isMethodSignature(declaration) || api.isPropertySignature(declaration.parent) || api.isCallSignatureDeclaration(declaration)) {
    return isPromiseReturning(api, checker, declaration) ? { kind: 'refused', node: declaration, reason: 'interface-member', message: `${name}(…) calls an interface member: its implementations are not known, so it is left to you` } : undefined;
  }
  if ((api.isFunctionDeclaration(declaration) || api.isMethodDeclaration(declaration)) && !declaration.body) {
    return isPromiseReturning(api, checker, declaration) ? { kind: 'refused', node: declaration, reason: 'overloaded-function', message: `${name}(…) calls an overloaded function; each overload would need the signal` } : undefined;
  }
  if (api.isMethodDeclaration(declaration)) {
    if (!isPromiseReturning(api, checker, declaration)) return undefined;
    const refusal = methodRefusal(checker, call, declaration, overriding, 'take the signal');
    return refusal ? { kind: 'refused', node: declaration, ...refusal, message: `${name}(…) ${refusal.message}` } : { kind: 'function', node: declaration };
  }
  if (!api.isFunctionDeclaration(declaration) && !api.isFunctionExpression(declaration) && !api.isArrowFunction(declaration)) return undefined;
  if (api.isElementAccessExpression(call.expression)) {
    return isPromiseReturning(api, checker, declaration) ? { kind: 'refused', node: declaration, reason: 'dynamic-access', message: `${name}(…) is called through a computed member; it is left as written` } : undefined;
  }
  return { kind: 'function', node: declaration };
}

function isPromiseReturning(api: typeof ts, checker: ts.TypeChecker, declaration: ts.SignatureDeclaration): boolean {
  if (api.canHaveModifiers(declaration) && api.getModifiers(declaration)?.some((m) => m.kind === api.SyntaxKind.AsyncKeyword)) return true;
  const signature = checker.getSignatureFromDeclaration(declaration);
  const returned = signature ? checker.getReturnTypeOfSignature(signature) : undefined;
  return returned?.getSymbol()?.getName() === 'Promise';
}

function isAsyncFunction(api: typeof ts, checker: ts.TypeChecker, node: ChainFunction): boolean {
  return isPromiseReturning(api, checker, node);
}

/**
 * How the function takes a signal, or why it cannot: a `signal` parameter typed `AbortSignal`, an
 * inline options object (`opts?: { … }`) with or without a `signal` member, or a new last parameter
 * `options?: { signal?: AbortSignal }`.
 */
function slotOf(api: typeof ts, checker: ts.TypeChecker, node: ChainFunction, sourceFile: ts.SourceFile): SignalSlot | { refused: RefusalReason; message: string } {
  const params = node.parameters;
  const last = params[params.length - 1];
  if (last?.dotDotDotToken) return { refused: 'rest-parameter', message: 'the function ends with a rest parameter, so no parameter can follow it' };
  for (const [index, param] of params.entries()) {
    if (!api.isIdentifier(param.name)) continue;
    const name = param.name.text;
    if (name === 'signal') {
      if (isSignalTyped(api, checker, param)) return { kind: 'argument', index, read: 'signal' };
      return { refused: 'signal-name-taken', message: 'a parameter named `signal` is not an AbortSignal; rename it to thread one' };
    }
  }
  if (last && api.isIdentifier(last.name) && last.type && api.isTypeLiteralNode(last.type)) {
    const read = last.questionToken || last.initializer ? `${last.name.text}?.signal` : `${last.name.text}.signal`;
    const member = last.type.members.find((m) => m.name && api.isIdentifier(m.name) && m.name.text === 'signal');
    if (member && !(api.isPropertySignature(member) && member.type && member.type.getText(sourceFile).includes(signalType))) {
      return { refused: 'signal-name-taken', message: `the options' \`signal\` member is not an AbortSignal (${member.getText(sourceFile)})` };
    }
    return { kind: 'option', index: params.length - 1, read };
  }
  if (params.some((p) => api.isIdentifier(p.name) && p.name.text === 'options')) {
    return { refused: 'options-not-inline', message: 'a parameter named `options` has a type the analysis does not extend (a named type, or none); add `signal?: AbortSignal` to it by hand' };
  }
  if (declaresName(api, node, 'options')) return { refused: 'signal-name-taken', message: 'the body declares `options`, which the new parameter would shadow' };
  return { kind: 'option', index: params.length, read: 'options?.signal' };
}

function isSignalTyped(api: typeof ts, checker: ts.TypeChecker, param: ts.ParameterDeclaration): boolean {
  const type = checker.getTypeAtLocation(param.name);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => t.getSymbol()?.getName() === signalType) && parts.every((t) => t.getSymbol()?.getName() === signalType || (t.flags & (api.TypeFlags.Undefined | api.TypeFlags.Null)) !== 0);
}

function declaresName(api: typeof ts, node: ChainFunction, name: string): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if ((api.isVariableDeclaration(child) || api.isParameter(child) || api.isFunctionDeclaration(child) || api.isBindingElement(child)) && child.name && api.isIdentifier(child.name) && child.name.text === name) found = true;
    api.forEachChild(child, visit);
  };
  if (node.body) visit(node.body);
  return found;
}

/** The edit that makes the function take the signal, and what it now takes; null when it already does. */
function signatureEdit(api: typeof ts, node: ChainFunction, sourceFile: ts.SourceFile): { range: readonly [number, number]; text: string; what: string } | null {
  const params = node.parameters;
  const last = params[params.length - 1];
  if (last && api.isIdentifier(last.name) && last.name.text === 'signal') return null;
  if (params.some((p) => api.isIdentifier(p.name) && p.name.text === 'signal')) return null;
  if (last && api.isIdentifier(last.name) && last.type && api.isTypeLiteralNode(last.type)) {
    const members = last.type.members;
    if (members.some((m) => m.name && api.isIdentifier(m.name) && m.name.text === 'signal')) return null;
    const what = `\`signal?: AbortSignal\` in its options \`${last.name.text}\``;
    const lastMember = members[members.length - 1];
    if (!lastMember) return { range: [last.type.getStart(sourceFile), last.type.end], text: '{ signal?: AbortSignal }', what };
    // A type's members end in `;` or `,` (part of the member's text), or the last one in nothing.
    const separator = /[;,]$/.exec(lastMember.getText(sourceFile))?.[0];
    const range = [lastMember.getStart(sourceFile), lastMember.end] as const;
    return { ...appendToList(sourceFile.text, range, 'signal?: AbortSignal', separator ? lastMember.end : null, separator ?? ';'), what };
  }
  const added = 'options?: { signal?: AbortSignal }';
  const what = '`options?: { signal?: AbortSignal }`';
  if (last) return { ...appendToList(sourceFile.text, [last.getStart(sourceFile), last.end], added, params.hasTrailingComma ? params.end : null), what };
  const open = node.getChildren(sourceFile).find((c) => c.kind === api.SyntaxKind.OpenParenToken);
  if (open) return { range: [open.end, open.end], text: added, what };
  return null;
}

/** `signal` or `signal: <read>`. */
function signalProperty(read: string): string {
  return read === 'signal' ? 'signal' : `signal: ${read}`;
}

/** Adds `signal` to a TypeScript object literal (a chain function's options at a call). */
function objectLiteralEdit(api: typeof ts, sourceFile: ts.SourceFile, literal: ts.ObjectLiteralExpression, read: string): TextEdit {
  const last = literal.properties[literal.properties.length - 1];
  if (!last) return { range: [literal.getStart(sourceFile), literal.end], text: `{ ${signalProperty(read)} }` };
  void api;
  return appendToList(sourceFile.text, [last.getStart(sourceFile), last.end], signalProperty(read), literal.properties.hasTrailingComma ? literal.properties.end : null);
}

/**
 * Adds an argument at `index`: right after the last argument, with `undefined` for the optional
 * parameters left out before it when `pad` (a project function's, where an explicit `undefined` is
 * what the omitted argument was); null when arguments are missing and padding is not wanted.
 */
function argumentEdit(api: typeof ts, sourceFile: ts.SourceFile, call: ts.CallExpression, index: number, text: string, pad: boolean): TextEdit | null {
  const args = call.arguments;
  if (args.length > index) return null;
  if (args.length < index && !pad) return null;
  const fill = Array.from({ length: index - args.length }, () => 'undefined');
  const values = [...fill, text].join(', ');
  const last = args[args.length - 1];
  if (last) return appendToList(sourceFile.text, [last.getStart(sourceFile), last.end], values, args.hasTrailingComma ? args.end : null);
  const open = call.getChildren(sourceFile).find((c) => c.kind === api.SyntaxKind.OpenParenToken);
  return open ? { range: [open.end, open.end], text: values } : null;
}

/** The chain function whose own body (not a nested function's declaration of it) holds the call. */
function enclosingChainMember(api: typeof ts, call: ts.Node, members: ReadonlyMap<ChainFunction, ChainMember>): ChainMember | undefined {
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    if (api.isFunctionDeclaration(node) || api.isFunctionExpression(node) || api.isArrowFunction(node) || api.isMethodDeclaration(node)) {
      const member = members.get(node);
      if (member) return member;
    }
    if (isFunctionBoundary(api, node) && !isCallbackArgument(api, node)) return undefined;
  }
  return undefined;
}

/** A function or class: where code may run at another time than the code around it. */
function isFunctionBoundary(api: typeof ts, node: ts.Node): boolean {
  return api.isFunctionLike(node) || api.isClassLike(node);
}

/** A function literal written as an argument of a call (`xs.map(async (x) => …)`, `Promise.all(…)`). */
function isCallbackArgument(api: typeof ts, node: ts.Node): boolean {
  if (!api.isArrowFunction(node) && !api.isFunctionExpression(node)) return false;
  let child: ts.Node = node;
  while (api.isParenthesizedExpression(child.parent)) child = child.parent;
  const parent = child.parent;
  return (api.isCallExpression(parent) || api.isNewExpression(parent)) && parent.arguments?.includes(child as ts.Expression) === true;
}

/**
 * A signal the call's surroundings already have: a parameter typed `AbortSignal` (by the checker,
 * read by its name) of the function the call is in, or of the functions around it while it sits in
 * callbacks written in calls; null when there is none.
 */
function signalInScope(api: typeof ts, checker: ts.TypeChecker, call: ts.Node): string | null {
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    if (!api.isFunctionLike(node)) continue;
    for (const param of node.parameters) {
      if (api.isIdentifier(param.name) && isSignalTyped(api, checker, param)) return param.name.text;
    }
    // An outer function's signal does not speak for a function that may run after it returned.
    if (!isCallbackArgument(api, node)) return null;
  }
  return null;
}

type Entry = { readonly node: ChainFunction; readonly sourceFile: ts.SourceFile } | { readonly file: string; readonly name: string; readonly missing: string };

function entryFunctions(api: typeof ts, checker: ts.TypeChecker, sourceFiles: readonly ts.SourceFile[], entries: SignalChainEntries): Entry[] {
  const found: Entry[] = [];
  const byPath = new Map(sourceFiles.map((f) => [path.resolve(f.fileName), f]));
  const functionsOf = (sourceFile: ts.SourceFile): { name: string; node: ChainFunction; exported: boolean }[] => {
    const list: { name: string; node: ChainFunction; exported: boolean }[] = [];
    for (const statement of sourceFile.statements) {
      const exported = api.canHaveModifiers(statement) && api.getModifiers(statement)?.some((m) => m.kind === api.SyntaxKind.ExportKeyword) === true;
      if (api.isFunctionDeclaration(statement) && statement.name && statement.body) list.push({ name: statement.name.text, node: statement, exported });
      if (api.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (api.isIdentifier(declaration.name) && init && (api.isArrowFunction(init) || api.isFunctionExpression(init))) list.push({ name: declaration.name.text, node: init, exported });
        }
      }
    }
    return list;
  };
  // `index.ts#name` where the index re-exports it: the function the export leads to, through the checker.
  const reexported = (sourceFile: ts.SourceFile, name: string): { name: string; node: ChainFunction; exported: boolean } | undefined => {
    const module = checker.getSymbolAtLocation(sourceFile);
    let symbol = module ? checker.getExportsOfModule(module).find((s) => s.getName() === name) : undefined;
    if (symbol && symbol.flags & api.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (!declaration) return undefined;
    const target = declaration.getSourceFile();
    if (!byPath.has(path.resolve(target.fileName))) return undefined;
    return functionsOf(target).find((f) => f.node === declaration || f.node.parent === declaration);
  };
  if (entries.kind === 'all-exports') {
    for (const sourceFile of sourceFiles) {
      for (const fn of functionsOf(sourceFile)) if (fn.exported && isAsyncFunction(api, checker, fn.node)) found.push({ node: fn.node, sourceFile });
    }
    return found;
  }
  for (const entry of entries.entries) {
    const sourceFile = byPath.get(path.resolve(entry.file));
    const fn = sourceFile ? (functionsOf(sourceFile).find((f) => f.name === entry.name) ?? reexported(sourceFile, entry.name)) : undefined;
    if (!sourceFile) found.push({ ...entry, missing: `${entry.file} is not a TypeScript file of the project` });
    else if (!fn) found.push({ ...entry, missing: `${entry.file} declares no top-level function ${entry.name}` });
    else found.push({ node: fn.node, sourceFile: fn.node.getSourceFile() });
  }
  return found;
}
