import type { Reference, Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import { jsxPragmaReads } from './jsx';
import { defaultTestFilePatterns, moduleRegistryResets } from './catalogues/effect-verbs';
import { type EffectFacts, effectFactsOfOperand, effectKindOf, operationsOf, RunEffects, startingCall } from './effects';
import { footprintsMeet, type InstanceFootprint, instanceFootprintOf, mergeFootprints } from './instance-state';
import { calleeMatcher, calleeNames, globMatcher, operationName } from './names';
import { planPromiseAll } from './plan-promise-all';
import { type BindingKey, bindingKeyOf, innermostScope, type ReferenceIndex, referenceIndexOf } from './scope';
import { hasOffsetWithin, isFunctionNode, skipTransparentWrappers, usesThis, walk, wordOffsets } from './walk';
import { PerFile } from './per-file';

/**
 * Why a statement was left out of a run, or why a run ended before it. One list, so every reason
 * has a name the docs and tests can use:
 * - `uses-earlier-result`: the awaited expression reads a binding an earlier statement of the run assigns;
 * - `writes-shared-binding`: two statements write the same binding, or an operation writes what an earlier target reads;
 * - `member-written-then-read`: an earlier statement assigns `this.x` / `obj.x` and the awaited expression reads `this` / `obj`;
 * - `written-binding-observable`: an earlier assignment could be seen by the later call (a closure, global
 *   or exported state) or, should that call throw, by code where the error is caught;
 * - `target-changed-by-later-call`: an earlier target (`obj.x =`, a destructuring default) reads a binding
 *   the later call could assign, and the rewrite evaluates that target only after the call ran;
 * - `operand-not-a-call`: `await p` of a value or an already-started promise: nothing left to start concurrently;
 * - `operand-not-a-promise`: the type oracle shows the awaited value is not a promise;
 * - `ignored-callee`: the callee matches the `ignore` option;
 * - `nested-await`: the awaited expression itself contains `await` or `yield`;
 * - `result-unused`: a bare `await f();` is there for its effect (a file written, a branch checked out,
 *   time passed) and what follows may rely on it; left out unless `includeBareAwaits` is set;
 * - `different-statement-form`: a declaration of another kind, or an assignment after declarations;
 * - `unsupported-statement`: compound assignment, several declarators, `using`, computed member targets, exports;
 * - `interactive-call`: the call asks the person at the terminal (a prompt): it joins no run;
 * - `ordered-callee`: the callee matches an `ordered` pattern another call of the run matched;
 * - `module-load-order`: a second module load (`import()`, `vi.importActual`) in a file that resets its module
 *   registry (`vi.resetModules()`): instances must match, so the loads keep their order;
 * - `repeated-call`: the same operation with the same arguments again (a cache fill then a hit, a retry);
 * - `repeated-subject`: in a test file, the same operation on the same first argument again (the test
 *   observes state across the calls, e.g. sequential access);
 * - `setup-then-use`: an earlier call sets something up (starts, connects, logs in, installs, seeds,
 *   begins) and a later one is no independent setup;
 * - `shared-state-write`: an earlier call writes (by its verb) through a receiver or argument the later one
 *   uses, the later one writes one the earlier used, or a later argument-less read follows a write;
 * - `methods-share-state`: both calls are methods of the enclosing class (`this.a()`, `this.b()`) whose
 *   bodies in this file show one calls the other or writes an instance member the other reads or writes
 *   (a lazy cache both fill).
 */
export const silenceReasons = [
  'uses-earlier-result',
  'writes-shared-binding',
  'member-written-then-read',
  'written-binding-observable',
  'target-changed-by-later-call',
  'operand-not-a-call',
  'operand-not-a-promise',
  'ignored-callee',
  'nested-await',
  'result-unused',
  'different-statement-form',
  'unsupported-statement',
  'interactive-call',
  'ordered-callee',
  'module-load-order',
  'repeated-call',
  'repeated-subject',
  'setup-then-use',
  'shared-state-write',
  'methods-share-state',
] as const;

export type SilenceReason = (typeof silenceReasons)[number];

/** One statement of a run: a declaration, an assignment, or a bare `await`, each awaiting one expression. */
export interface AwaitStatement {
  readonly node: TSESTree.VariableDeclaration | TSESTree.ExpressionStatement;
  readonly form: 'declaration' | 'assignment' | 'expression';
  /** `const`, `let` or `var` for declarations, else `null`. */
  readonly declarationKind: 'const' | 'let' | 'var' | null;
  /** What receives the result: the declarator's id or the assignment's left side; `null` for bare awaits. */
  readonly target: TSESTree.Node | null;
  /** The declarator's type annotation, e.g. `User` in `const u: User = await …`. */
  readonly typeAnnotation: TSESTree.TypeNode | null;
  readonly awaitExpression: TSESTree.AwaitExpression;
  readonly operand: TSESTree.Expression;
  /** A short name of the awaited operation for messages, e.g. `api.getUser()`. */
  readonly name: string;
}

export interface SequentialAwaitRun {
  readonly statements: readonly AwaitStatement[];
  /** The rewrite to one `Promise.all`, at level `review`, or refused with reasons. */
  readonly plan: Plan;
}

export interface Silenced {
  readonly node: TSESTree.Node;
  readonly reason: SilenceReason;
}

export interface SequentialAwaitRunsResult {
  readonly runs: readonly SequentialAwaitRun[];
  /**
   * Await statements that were kept out of a run, with the reason: for docs, tests and `explain`.
   * Only statements among at least `minRun` await statements in a row are examined; a lone await
   * statement is no missed `Promise.all` and gets no entry.
   */
  readonly silenced: readonly Silenced[];
}

export interface SequentialAwaitOptions {
  /** The fewest statements that make a run (at least 2). */
  readonly minRun?: number;
  /** Callee-name glob patterns whose awaits must stay in order (loggers, ordered writes). */
  readonly ignore?: readonly string[];
  /**
   * Whether bare `await f();` statements may join a run. Off by default: an await whose result is
   * unused is there for its effect, and the next statement usually relies on that effect.
   */
  readonly includeBareAwaits?: boolean;
  /**
   * Callee-name glob patterns whose calls reach one shared state (`db.*`): calls matching the same
   * pattern keep their order; other calls may still join the run.
   */
  readonly ordered?: readonly string[];
  /**
   * Plan `Promise.allSettled` with the results unpacked (each target gets its value or its rejection
   * reason) instead of `Promise.all`: for code where every operation must run to its end.
   */
  readonly settled?: boolean;
  /** The file's path (relative to the working directory), for `testFiles`. */
  readonly filePath?: string;
  /**
   * Path globs of test files, where the same operation on the same subject also stays in order
   * (`repeated-subject`). Default `defaultTestFilePatterns`; `[]` turns the test tier off.
   */
  readonly testFiles?: readonly string[];
}

interface StatementFacts {
  readonly operandReads: ReadonlySet<BindingKey>;
  readonly operandWrites: ReadonlySet<BindingKey>;
  readonly operandUsesThis: boolean;
  readonly targetReads: ReadonlySet<BindingKey>;
  readonly targetWrites: ReadonlySet<BindingKey>;
  /** Roots of member targets: `this` or the object's binding. */
  readonly memberRoots: ReadonlySet<BindingKey | 'this'>;
  /** What the call may do to state outside the bindings, and which `ordered` groups its callee is in. */
  readonly effects: readonly EffectFacts[];
  readonly orderedGroups: readonly number[];
  /** What the operand's calls of the class's own methods reach of the instance (see `instance-state.ts`). */
  readonly instance: InstanceFootprint | null;
}

type Candidate = { statement: AwaitStatement; facts: StatementFacts | null };

/** Per-file facts, keyed by the file's analysis view (the plugin makes one per file, codemods one per parse). */
const fileState = new PerFile<{ results: Map<string, SequentialAwaitRunsResult> }>();

function stateOf(file: AnalysisFile) {
  let state = fileState.get(file);
  if (!state) {
    state = { results: new Map() };
    fileState.set(file, state);
  }
  return state;
}

/**
 * Finds runs of consecutive statements in one block that each await one independent expression,
 * and plans their rewrite to one `Promise.all`.
 *
 * A statement joins the run when its awaited expression reads nothing an earlier statement of the
 * run writes or declares, no two statements write the same binding, and no earlier assignment could
 * be observed by the later call (closures, outer state, `catch`/`finally`). Runs stop at any other
 * statement, including control flow. Results are cached per file and options, so every rule and
 * codemod asking the same question pays once.
 */
export function findSequentialAwaitRuns(
  file: AnalysisFile,
  options: SequentialAwaitOptions = {},
): SequentialAwaitRunsResult {
  const minRun = Math.max(2, Math.floor(options.minRun ?? 2));
  const ignore = options.ignore ?? [];
  const includeBareAwaits = options.includeBareAwaits ?? false;
  const ordered = options.ordered ?? [];
  const testTier = isTestFile(options.filePath, options.testFiles ?? defaultTestFilePatterns);
  const settled = options.settled ?? false;
  const key = JSON.stringify([minRun, ignore, includeBareAwaits, ordered, testTier, settled]);
  const state = stateOf(file);
  const cached = state.results.get(key);
  if (cached) return cached;

  const runs: SequentialAwaitRun[] = [];
  const silenced: Silenced[] = [];
  // Cheap gate: a file without the word has nothing to find.
  if (file.text.includes('await')) {
    const orderedMatchers = ordered.map((pattern) => calleeMatcher([pattern]));
    const finder = new RunFinder(file, state, minRun, calleeMatcher(ignore), includeBareAwaits, orderedMatchers, testTier, settled, runs, silenced);
    // Where the word `await` occurs: a subtree without one holds no await statement, so the walk
    // skips it. Most of a file is skipped this way.
    const awaitOffsets = wordOffsets(file.text, 'await');
    walk(file.ast, file.visitorKeys, (node) => {
      if (!hasOffsetWithin(awaitOffsets, node.range[0], node.range[1])) return false;
      if (node.type === 'Program' || node.type === 'BlockStatement') finder.scan(node, node.body);
      else if (node.type === 'SwitchCase') finder.scan(node, node.consequent);
      return true;
    });
  }
  const result: SequentialAwaitRunsResult = { runs, silenced };
  state.results.set(key, result);
  return result;
}

class RunFinder {
  constructor(
    private readonly file: AnalysisFile,
    private readonly state: ReturnType<typeof stateOf>,
    private readonly minRun: number,
    private readonly isIgnored: (names: readonly string[]) => boolean,
    private readonly includeBareAwaits: boolean,
    private readonly orderedMatchers: readonly ((names: readonly string[]) => boolean)[],
    private readonly testTier: boolean,
    private readonly settled: boolean,
    private readonly runs: SequentialAwaitRun[],
    private readonly silenced: Silenced[],
  ) {}

  private resetsRegistry: boolean | null = null;

  /** Whether the file calls a test runner's module-registry reset (`vi.resetModules()`), found once per finder. */
  private get resetsModuleRegistry(): boolean {
    if (this.resetsRegistry === null) {
      const names: readonly string[] = moduleRegistryResets;
      let found = false;
      if (names.some((name) => this.file.text.includes(name))) {
        walk(this.file.ast, this.file.visitorKeys, (node) => {
          if (found) return false;
          if (node.type === 'CallExpression') {
            const callee = node.callee;
            const name = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null;
            if (name !== null && names.includes(name)) found = true;
          }
          return !found;
        });
      }
      this.resetsRegistry = found;
    }
    return this.resetsRegistry;
  }

  private get index(): ReferenceIndex {
    return referenceIndexOf(this.file);
  }

  /**
   * Whether `statement` has the shape of an await statement, read from the syntax alone (no scopes,
   * no oracle): a superset of what `classify` accepts, and of most of what it silences. Bare
   * `await f();` counts even when it cannot join a run, so a stretch of them still gets its reason.
   */
  private looksLikeAwaitStatement(statement: TSESTree.Node): boolean {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'VariableDeclaration') return declaration.declarations.some((d) => d.init?.type === 'AwaitExpression');
    if (statement.type !== 'ExpressionStatement') return false;
    const expression = statement.expression;
    return expression.type === 'AwaitExpression' || (expression.type === 'AssignmentExpression' && expression.right.type === 'AwaitExpression');
  }

  /**
   * Whether `minRun` await statements stand in a row. If not, no run can form here and nothing is
   * worth explaining: a lone await statement is not a missed `Promise.all`.
   */
  private hasStretch(statements: readonly TSESTree.Node[]): boolean {
    let stretch = 0;
    for (const statement of statements) {
      stretch = this.looksLikeAwaitStatement(statement) ? stretch + 1 : 0;
      if (stretch >= this.minRun) return true;
    }
    return false;
  }

  scan(container: TSESTree.Node, statements: readonly TSESTree.Node[]): void {
    // A lone await statement can never make a run: skip the classification, whose oracle question
    // would make the host build the file's scopes (in oxlint, on demand, the larger part of our cost).
    if (!this.hasStretch(statements)) return;
    let run: RunState | null = null;
    let runScope: Scope | null = null;
    const flush = () => {
      if (run && run.members.length >= this.minRun) {
        const awaitStatements = run.members.map((c) => c.statement);
        this.runs.push({ statements: awaitStatements, plan: planPromiseAll(this.file, awaitStatements, statements[run.startIndex - 1], {
          settled: this.settled,
        }) });
      }
      run = null;
    };
    for (const [index, statement] of statements.entries()) {
      const classified = this.classify(statement);
      if (classified === null) {
        flush();
        continue;
      }
      if (typeof classified === 'string') {
        this.silenced.push({ node: statement, reason: classified });
        flush();
        continue;
      }
      const candidate: Candidate = { statement: classified, facts: null };
      const form = formOf(classified);
      if (run && form !== null && run.form !== null && form !== run.form) {
        this.silenced.push({ node: statement, reason: 'different-statement-form' });
        flush();
      } else if (run) {
        runScope ??= (innermostScope(this.file.scopeManager, container) as Scope).variableScope;
        const conflict = this.conflict(run, candidate, runScope);
        if (conflict) {
          this.silenced.push({ node: statement, reason: conflict });
          flush();
        }
      }
      run ??= newRunState(index, new RunEffects(this.testTier, this.resetsModuleRegistry));
      run.members.push(candidate);
      run.form ??= form;
    }
    flush();
  }

  /** An await statement, a reason to leave an await statement out, or `null` for any other statement. */
  private classify(statement: TSESTree.Node): AwaitStatement | SilenceReason | null {
    if (statement.type === 'VariableDeclaration') {
      const awaited = statement.declarations.some((d) => d.init?.type === 'AwaitExpression');
      if (!awaited) return null;
      const declarator = statement.declarations[0];
      if (
        statement.declarations.length !== 1 ||
        statement.declare ||
        !declarator ||
        declarator.init?.type !== 'AwaitExpression' ||
        (statement.kind !== 'const' && statement.kind !== 'let' && statement.kind !== 'var')
      ) {
        return 'unsupported-statement';
      }
      const id = declarator.id;
      const annotation = 'typeAnnotation' in id && id.typeAnnotation ? id.typeAnnotation.typeAnnotation : null;
      return this.withOperand(statement, 'declaration', statement.kind, id, annotation, declarator.init);
    }
    if (statement.type === 'ExpressionStatement') {
      const expression = statement.expression;
      if (expression.type === 'AwaitExpression') {
        const classified = this.withOperand(statement, 'expression', null, null, null, expression);
        // Reasons about the call itself come first, so `ignore` and the oracle still explain it.
        if (typeof classified !== 'string' && !this.includeBareAwaits) return 'result-unused';
        return classified;
      }
      if (expression.type === 'AssignmentExpression' && expression.right.type === 'AwaitExpression') {
        if (expression.operator !== '=' || !isSimpleAssignmentTarget(expression.left)) return 'unsupported-statement';
        return this.withOperand(statement, 'assignment', null, expression.left, null, expression.right);
      }
      return null;
    }
    if (
      statement.type === 'ExportNamedDeclaration' &&
      statement.declaration?.type === 'VariableDeclaration' &&
      statement.declaration.declarations.some((d) => d.init?.type === 'AwaitExpression')
    ) {
      return 'unsupported-statement';
    }
    return null;
  }

  private withOperand(
    node: TSESTree.VariableDeclaration | TSESTree.ExpressionStatement,
    form: AwaitStatement['form'],
    declarationKind: AwaitStatement['declarationKind'],
    target: TSESTree.Node | null,
    typeAnnotation: TSESTree.TypeNode | null,
    awaitExpression: TSESTree.AwaitExpression,
  ): AwaitStatement | SilenceReason {
    const operand = awaitExpression.argument;
    if (containsAwaitOrYield(operand, this.file)) return 'nested-await';
    const core = skipTransparentWrappers(operand);
    if (core.type !== 'CallExpression' && core.type !== 'NewExpression' && core.type !== 'ImportExpression') {
      return 'operand-not-a-call';
    }
    if (this.isIgnored(calleeNames(operand))) return 'ignored-callee';
    if (operationsOf(operand).some((o) => effectKindOf(o) === 'interactive')) return 'interactive-call';
    if (this.file.oracle.isPromiseLike(operand) === 'no') return 'operand-not-a-promise';
    return {
      node,
      form,
      declarationKind,
      target,
      typeAnnotation,
      awaitExpression,
      operand,
      name: operationName(this.file.text, operand),
    };
  }

  private factsOf(candidate: Candidate): StatementFacts {
    if (candidate.facts) return candidate.facts;
    const { statement } = candidate;
    const operandReads = new Set<BindingKey>();
    const operandWrites = new Set<BindingKey>();
    for (const ref of this.index.within(statement.awaitExpression.range[0], statement.awaitExpression.range[1])) {
      if (ref.isRead()) operandReads.add(bindingKeyOf(ref));
      if (ref.isWrite()) operandWrites.add(bindingKeyOf(ref));
    }
    for (const key of jsxPragmaReads(this.file, statement.awaitExpression)) operandReads.add(key);
    const targetReads = new Set<BindingKey>();
    const targetWrites = new Set<BindingKey>();
    const memberRoots = new Set<BindingKey | 'this'>();
    if (statement.target) {
      const [start, end] = statement.target.range;
      for (const ref of this.index.within(start, end)) {
        if (ref.isRead()) targetReads.add(bindingKeyOf(ref));
        if (ref.isWrite()) targetWrites.add(bindingKeyOf(ref));
      }
      for (const key of jsxPragmaReads(this.file, statement.target)) targetReads.add(key);
      for (const member of memberTargets(statement.target)) {
        const root = memberRoot(member);
        if (root.type === 'ThisExpression') memberRoots.add('this');
        else if (root.type === 'Identifier') {
          const ref = this.index.within(root.range[0], root.range[1])[0];
          if (ref) memberRoots.add(bindingKeyOf(ref));
        }
      }
    }
    candidate.facts = {
      operandReads,
      operandWrites,
      operandUsesThis: usesThis(statement.operand, this.file.visitorKeys),
      targetReads,
      targetWrites,
      memberRoots,
      effects: effectFactsOfOperand(statement.operand, this.file.text, (id) => {
        const ref = this.index.within(id.range[0], id.range[1])[0];
        return ref ? bindingKeyOf(ref) : null;
      }),
      orderedGroups: this.orderedGroupsOf(statement.operand),
      instance: this.instanceFootprintOf(statement.operand),
    };
    return candidate.facts;
  }

  /** What the operations of an operand that call the class's own methods reach of the instance, together. */
  private instanceFootprintOf(operand: TSESTree.Expression): InstanceFootprint | null {
    let footprint: InstanceFootprint | null = null;
    for (const operation of operationsOf(operand)) {
      const call = startingCall(operation);
      const reached = call ? instanceFootprintOf(this.file, call) : null;
      if (reached) footprint = mergeFootprints(footprint, reached);
    }
    return footprint;
  }

  /** The indexes of the `ordered` patterns the operand's callees match. */
  private orderedGroupsOf(operand: TSESTree.Expression): number[] {
    if (this.orderedMatchers.length === 0) return [];
    const names = operationsOf(operand).flatMap((o) => calleeNames(o));
    const groups: number[] = [];
    this.orderedMatchers.forEach((matches, i) => {
      if (matches(names)) groups.push(i);
    });
    return groups;
  }

  /**
   * Why `next` cannot join `run`, or `null` when it can. The run's earlier statements are folded
   * into one summary as they join, so each statement is compared with the summary once: a run of
   * N awaits costs O(N), not O(N²).
   */
  private conflict(run: RunState, next: Candidate, runScope: Scope): SilenceReason | null {
    for (; run.folded < run.members.length; run.folded++) this.fold(run, run.members[run.folded] as Candidate, runScope);
    const later = this.factsOf(next);
    // A direct `eval` can read any binding, so it reads whatever an earlier statement wrote.
    if (later.operandReads.has('global:eval') && run.writes.size > 0) return 'uses-earlier-result';
    if (intersects(run.writes, later.operandReads) || intersects(run.writes, later.targetReads)) return 'uses-earlier-result';
    if (intersects(run.writes, later.operandWrites) || intersects(run.writes, later.targetWrites)) return 'writes-shared-binding';
    if (intersects(run.targetReads, later.operandWrites)) return 'writes-shared-binding';
    for (const root of run.memberRoots) {
      if (root === 'this' ? later.operandUsesThis : later.operandReads.has(root)) return 'member-written-then-read';
    }
    if (next.statement.node.range[1] > run.observableAfter) return 'written-binding-observable';
    // An earlier target (`obj.x =`, a destructuring default) is now evaluated after the later call
    // ran: a binding it reads must not be writable by that call.
    if (run.targetReadWritableElsewhere) return 'target-changed-by-later-call';
    // Sloppy-mode `arguments` aliases the parameters, so reading it reads them.
    if (!runScope.isStrict && run.writesParameter && readsArguments(later.operandReads)) return 'uses-earlier-result';
    if (run.instance && later.instance && footprintsMeet(run.instance, later.instance)) return 'methods-share-state';
    // Through state outside the bindings: a store both calls reach, a setup and its use, a repeat.
    return run.effects.conflict(later.effects, later.orderedGroups);
  }

  /** Adds an earlier statement's facts to the run's summary. */
  private fold(run: RunState, candidate: Candidate, runScope: Scope): void {
    const facts = this.factsOf(candidate);
    for (const key of facts.targetWrites) {
      run.writes.add(key);
      run.observableAfter = Math.min(run.observableAfter, this.observableAfter(key, candidate.statement, runScope));
    }
    for (const key of facts.targetReads) {
      run.targetReads.add(key);
      if (isWritableByOtherFunctions(key, runScope)) run.targetReadWritableElsewhere = true;
    }
    for (const root of facts.memberRoots) run.memberRoots.add(root);
    if (writesParameter(facts.targetWrites)) run.writesParameter = true;
    if (facts.instance) run.instance = mergeFootprints(run.instance, facts.instance);
    run.effects.add(facts.effects, facts.orderedGroups);
  }

  /**
   * From which offset on a later statement could see the value `earlier` writes to `key` other than
   * through a syntactic read (after the rewrite, the write happens only once every operation
   * settled): a later statement ending after it conflicts. `-Infinity` when any later statement
   * could, `Infinity` when none can.
   */
  private observableAfter(key: BindingKey, earlier: AwaitStatement, runScope: Scope): number {
    // Globals can be read by any function the later call reaches.
    if (typeof key === 'string') return -Infinity;
    const variable: Variable = key;
    const freshBinding =
      earlier.form === 'declaration' && earlier.declarationKind !== 'var' && isDeclaredBy(variable, earlier.node);
    let after = Infinity;
    for (const ref of variable.references) {
      const closure = outermostClosure(ref, runScope);
      if (!closure) continue;
      // A fresh `const`/`let` can only be seen by a closure that exists before the later call runs:
      // one written earlier (it exists once the later statement ends past it), or a hoisted function declaration.
      if (!freshBinding || closure.type === 'FunctionDeclaration') return -Infinity;
      after = Math.min(after, closure.range[0]);
    }
    if (freshBinding) return after;
    // Other modules can read an exported binding at any time (import cycles).
    if (isExported(variable)) return -Infinity;
    // If a later operation throws, the earlier assignment now never happens; where the error is
    // caught, code after it would see the old value.
    return outlivesEnclosingTry(variable, earlier.node) ? -Infinity : Infinity;
  }
}

/** What a growing run's earlier statements amount to, for comparing the next one in constant time per fact. */
interface RunState {
  /** Index of the run's first statement in its statement list. */
  readonly startIndex: number;
  readonly members: Candidate[];
  /** How many members are in the summary below (the first joins it only when a second arrives). */
  folded: number;
  /** The form every declaration or assignment of the run shares, once one has joined. */
  form: string | null;
  readonly writes: Set<BindingKey>;
  readonly targetReads: Set<BindingKey>;
  readonly memberRoots: Set<BindingKey | 'this'>;
  /** A later statement ending past this offset could observe an earlier write (see `observableAfter`). */
  observableAfter: number;
  targetReadWritableElsewhere: boolean;
  writesParameter: boolean;
  /** What the run's calls did to state outside the bindings (see `effects.ts`), aggregated the same way. */
  readonly effects: RunEffects;
  /** What the run's calls of the class's own methods reach of the instance. */
  instance: InstanceFootprint | null;
}

function newRunState(startIndex: number, effects: RunEffects): RunState {
  return {
    startIndex,
    effects,
    members: [],
    folded: 0,
    form: null,
    writes: new Set(),
    targetReads: new Set(),
    memberRoots: new Set(),
    observableAfter: Infinity,
    targetReadWritableElsewhere: false,
    writesParameter: false,
    instance: null,
  };
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) return true;
  return false;
}

/** What a run's rewrite must share: the declaration kind, or being an assignment; bare awaits fit any run. */
function formOf(statement: AwaitStatement): string | null {
  if (statement.form === 'declaration') return `declaration:${statement.declarationKind}`;
  return statement.form === 'assignment' ? 'assignment' : null;
}

function isDeclaredBy(variable: Variable, declaration: TSESTree.Node): boolean {
  return variable.defs.some((def) => def.parent === declaration);
}

/** The outermost function between a reference and the run's function, or `null` when the reference is in the run's own function. */
function outermostClosure(ref: Reference, runScope: Scope): TSESTree.Node | null {
  let scope: Scope | null = ref.from;
  let closure: TSESTree.Node | null = null;
  while (scope && scope.variableScope !== runScope) {
    if (scope.variableScope === scope) closure = scope.block;
    scope = scope.upper;
  }
  return closure;
}

/**
 * Whether `variable` outlives a `try` (in the same function) that the statement is inside: if a later
 * operation throws and the error is caught, code after the throw (in `catch`, in `finally`, or after
 * the whole `try`) can read the variable, and would now see its old value.
 */
function outlivesEnclosingTry(variable: Variable, statement: TSESTree.Node): boolean {
  let child: TSESTree.Node = statement;
  let current = statement.parent;
  while (current && !isFunctionNode(current)) {
    if (current.type === 'TryStatement' && child !== current.finalizer) {
      const guarded = child === current.block ? current.block : current.handler;
      const scopeBlock = variable.scope.block;
      const declaredInside =
        guarded !== null && scopeBlock.range[0] >= guarded.range[0] && scopeBlock.range[1] <= guarded.range[1];
      if (!declaredInside) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

/** Whether code in another function (or anywhere, for globals) can assign the binding. */
function isWritableByOtherFunctions(key: BindingKey, runScope: Scope): boolean {
  if (typeof key === 'string') return true;
  return key.references.some((ref) => ref.isWrite() && ref.from.variableScope !== runScope);
}

function readsArguments(reads: ReadonlySet<BindingKey>): boolean {
  for (const key of reads) if (typeof key !== 'string' && key.name === 'arguments' && key.defs.length === 0) return true;
  return false;
}

function writesParameter(writes: ReadonlySet<BindingKey>): boolean {
  for (const key of writes) if (typeof key !== 'string' && key.defs.some((def) => def.type === 'Parameter')) return true;
  return false;
}

/** Whether a variable is visible to other modules: exported by its declaration or by `export { … }`. */
function isExported(variable: Variable): boolean {
  const declaredExported = variable.defs.some(
    (def) => def.type === 'Variable' && def.parent?.parent?.type === 'ExportNamedDeclaration',
  );
  return declaredExported || variable.references.some((ref) => ref.identifier.parent?.type === 'ExportSpecifier');
}

function containsAwaitOrYield(node: TSESTree.Node, file: AnalysisFile): boolean {
  let found = false;
  walk(node, file.visitorKeys, (n) => {
    if (found || isFunctionNode(n)) return false;
    if (n.type === 'AwaitExpression' || n.type === 'YieldExpression') {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

/** Identifiers, and members of `this` or an identifier by a fixed name, possibly inside destructuring. */
function isSimpleAssignmentTarget(node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'Identifier':
      return true;
    case 'MemberExpression':
      return isFixedMember(node);
    case 'ArrayPattern':
      return node.elements.every((e) => e === null || isSimpleAssignmentTarget(e));
    case 'ObjectPattern':
      return node.properties.every((p) =>
        p.type === 'RestElement' ? isSimpleAssignmentTarget(p.argument) : !p.computed && isSimpleAssignmentTarget(p.value),
      );
    case 'RestElement':
      return isSimpleAssignmentTarget(node.argument);
    case 'AssignmentPattern':
      return isSimpleAssignmentTarget(node.left);
    case 'TSNonNullExpression':
      return isSimpleAssignmentTarget(node.expression);
    default:
      return false;
  }
}

function isFixedMember(node: TSESTree.MemberExpression): boolean {
  if (node.optional) return false;
  if (node.computed && node.property.type !== 'Literal') return false;
  const object = node.object;
  if (object.type === 'ThisExpression' || object.type === 'Identifier') return true;
  return object.type === 'MemberExpression' && isFixedMember(object);
}

function memberTargets(target: TSESTree.Node): TSESTree.MemberExpression[] {
  switch (target.type) {
    case 'MemberExpression':
      return [target];
    case 'ArrayPattern':
      return target.elements.flatMap((e) => (e ? memberTargets(e) : []));
    case 'ObjectPattern':
      return target.properties.flatMap((p) => memberTargets(p.type === 'RestElement' ? p.argument : p.value));
    case 'RestElement':
      return memberTargets(target.argument);
    case 'AssignmentPattern':
      return memberTargets(target.left);
    case 'TSNonNullExpression':
      return memberTargets(target.expression);
    default:
      return [];
  }
}

function memberRoot(node: TSESTree.MemberExpression): TSESTree.Expression {
  let object = node.object;
  while (object.type === 'MemberExpression') object = object.object;
  return object;
}

/** Whether `filePath` matches one of the test-file globs (a path relative to the working directory; `\\` as `/`). */
export function isTestFile(filePath: string | undefined, patterns: readonly string[]): boolean {
  if (filePath === undefined || patterns.length === 0) return false;
  // Leading `./` and `../` go: a host whose working directory lies elsewhere (oxlint's) gives `../../repo/test/x.ts`.
  const normalized = filePath.replace(/\\/g, '/').replace(/^(\.\.?\/)+/, '');
  return globMatcher(patterns, { dot: true })(normalized);
}
