import { readFileSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import type * as OxcResolver from 'oxc-resolver';
import { returnRunsCleanup } from '../generator-cleanup';
import { parseWithOxcBinding } from '../oxc-parse';
import { recordSignalFacts } from './parameter-signal-uses';
import { defaultVisitorKeys, forEachChild } from '../walk';
import { type ImportResolver, ShapeReader } from './reader';
import { type Shape, unknownShape } from './shape';
import { TopLevelSpace, wholeModule } from './space';
import type { Tri } from '../tri';

/** How a module makes a name visible to its importers. */
type ExportEntry =
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'declaration'; readonly node: TSESTree.Node }
  | { readonly kind: 'reexport'; readonly source: string; readonly imported: string };

/** One module's exports as the index reads them, from its top level only. */
interface ModuleRecord {
  readonly space: TopLevelSpace | null;
  readonly exports: ReadonlyMap<string, ExportEntry>;
  /** `export * from '…'` sources, asked in order for a name the module does not export itself. */
  readonly stars: readonly string[];
}

/** A module file as the index holds it: its text until a question needs it parsed, then its record. */
interface ModuleEntry {
  readonly mtimeMs: number;
  readonly size: number;
  /** The generation (linted file) in which the modification time was last checked. */
  seen: number;
  text: string | null;
  record: ModuleRecord | null;
}

/** Thrown inside {@link ModuleIndex.fromModulesRead} where a module would have to be parsed. */
const needsRead = new Error('module not yet read');

const emptyRecord: ModuleRecord = { space: null, exports: new Map(), stars: [] };

/** The resolver for other files' imports, loaded on first use. */
let resolverModule: typeof OxcResolver | undefined;
function oxcResolver(): typeof OxcResolver {
  resolverModule ??= createRequire(import.meta.url)('oxc-resolver') as typeof OxcResolver;
  return resolverModule;
}

function langOf(file: string): 'ts' | 'tsx' | 'dts' | 'jsx' | null {
  if (/\.d\.[mc]?ts$/.test(file)) return 'dts';
  if (/\.[mc]?ts$/.test(file)) return 'ts';
  if (file.endsWith('.tsx')) return 'tsx';
  if (/\.(?:[mc]?js|jsx)$/.test(file)) return 'jsx';
  return null;
}

/**
 * What a resolution is cached by. A relative specifier names a path, which resolves the same from
 * every importer (`../util/x` from `a/` and `./x` from `util/` are one lookup); a bare one depends on
 * the importer's directory (its `node_modules`, its tsconfig's `paths`).
 */
function resolutionKey(from: string, source: string): string {
  const directory = path.dirname(from);
  if (source !== '.' && source !== '..' && !source.startsWith('./') && !source.startsWith('../')) return `${directory}\0${source}`;
  // A trailing slash asks for a directory, so it stays part of the key.
  return `\0${path.resolve(directory, source)}${source.endsWith('/') ? '/' : ''}`;
}

function isInsidePackage(file: string): boolean {
  return file.split(path.sep).includes('node_modules');
}

function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function isDeclaration(node: TSESTree.Node): boolean {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'TSDeclareFunction' ||
    node.type === 'ClassDeclaration' ||
    node.type === 'TSInterfaceDeclaration' ||
    node.type === 'TSEnumDeclaration'
  );
}

/** Whether `node` is `module.exports`. */
function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

function exportOfValue(value: TSESTree.Node): ExportEntry {
  return value.type === 'Identifier' ? { kind: 'local', name: value.name } : { kind: 'declaration', node: value };
}

/**
 * A CommonJS module's exports, from a top-level assignment: `module.exports = value` is what
 * `require()` and a default import give, and each property of an object literal assigned so
 * (`module.exports = { load, save() {} }`) a named export; `exports.load = …` and
 * `module.exports.load = …` name one export each.
 */
function commonJsExport(expression: TSESTree.Expression, exports: Map<string, ExportEntry>): void {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
  const { left, right } = expression;
  if (isModuleExports(left)) {
    exports.set(wholeModule, exportOfValue(right));
    exports.set('default', exportOfValue(right));
    if (right.type !== 'ObjectExpression') return;
    for (const property of right.properties) {
      if (property.type !== 'Property' || property.computed || property.kind !== 'init') continue;
      const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
      if (name !== null) exports.set(name, exportOfValue(property.value));
    }
    return;
  }
  if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return;
  const owner = left.object;
  if ((owner.type === 'Identifier' && owner.name === 'exports') || isModuleExports(owner)) exports.set(left.property.name, exportOfValue(right));
}

function recordOf(program: TSESTree.Program, file: string): ModuleRecord {
  const exports = new Map<string, ExportEntry>();
  const stars: string[] = [];
  const declared = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    if (node.type === 'VariableDeclaration') {
      for (const d of node.declarations) if (d.id.type === 'Identifier') exports.set(d.id.name, { kind: 'local', name: d.id.name });
      return;
    }
    if ('id' in node && node.id && node.id.type === 'Identifier') exports.set(node.id.name, { kind: 'local', name: node.id.name });
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration':
        if (statement.declaration) declared(statement.declaration);
        for (const spec of statement.specifiers) {
          const exported = exportedName(spec.exported);
          const local = exportedName(spec.local);
          exports.set(
            exported,
            statement.source ? { kind: 'reexport', source: statement.source.value, imported: local } : { kind: 'local', name: local },
          );
        }
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type === 'Identifier') exports.set('default', { kind: 'local', name: declaration.name });
        else exports.set('default', { kind: 'declaration', node: declaration });
        break;
      }
      case 'ExpressionStatement':
        commonJsExport(statement.expression, exports);
        break;
      case 'ExportAllDeclaration':
        if (statement.exported) exports.set(exportedName(statement.exported), { kind: 'reexport', source: statement.source.value, imported: '*' });
        else stars.push(statement.source.value);
        break;
      default:
        break;
    }
  }
  return { space: new TopLevelSpace(program, file), exports, stars };
}

/** What a dropped function body becomes: the reader never looks inside another module's bodies. */
const droppedBody = Object.freeze({ type: 'BlockStatement', body: Object.freeze([]) }) as unknown as TSESTree.BlockStatement;

/**
 * Drops the bodies of a module's functions, methods and arrows, which the index keeps for the whole
 * process: the reader reads another module's signatures only (modifiers, parameters, declared
 * types, class and object members), since names inside a body resolve in scopes the index does not
 * build. Most of a module's syntax tree is in its bodies. An async generator's body is read once
 * first, for whether its `return()` runs cleanup (one boolean kept per generator); in a module whose
 * text names a `signal`, each function's body is read once for which parameters' `signal` it may
 * use (one boolean per parameter) and, where the body shows it, which parameter or option carries a
 * signal it passes on (one placement per such function): that is how a plain-JavaScript module's
 * function is a signal taker for its importers, as it is in its own file.
 */
function dropFunctionBodies(program: TSESTree.Program, recordSignalUses: boolean): void {
  const stack: TSESTree.Node[] = [program];
  let node: TSESTree.Node | undefined;
  const push = (child: TSESTree.Node) => stack.push(child);
  while ((node = stack.pop())) {
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      if (node.type !== 'ArrowFunctionExpression' && node.async && node.generator) returnRunsCleanup(node, defaultVisitorKeys);
      if (recordSignalUses && node.params.length > 0) recordSignalFacts(node, defaultVisitorKeys);
      (node as { body: unknown }).body = droppedBody;
      for (const param of node.params) stack.push(param);
      if (node.returnType) stack.push(node.returnType);
      continue;
    }
    forEachChild(node, defaultVisitorKeys, push);
  }
}

/**
 * The project-wide half of the declaration index: what the modules a file imports export, read from
 * their own declarations. Relative imports and tsconfig `paths` resolve as TypeScript resolves them
 * (oxc's resolver, `.js` → `.ts` included); a bare import only to the `.d.ts` its package ships (or
 * its `@types` package), since a package without types is `any` to TypeScript too. Each module is
 * parsed once per process and read again only when its modification time or size changes, so an
 * editor's long-running ESLint sees edits.
 */
export class ModuleIndex implements ImportResolver {
  private readonly reader = new ShapeReader(this);
  private readonly records = new Map<string, ModuleEntry>();
  /** Answers given while linting the current file: the files it reads cannot change meanwhile. */
  private readonly answers = new Map<string, Shape>();
  /** Counts the files asked about, so each module's modification time is checked once per file. */
  private generation = 0;
  /** What the index has read, for benchmarks and diagnostics. */
  readonly stats = { modulesRead: 0, filesRead: 0, bytesRead: 0, resolutions: 0 };
  private readonly resolved = new Map<string, string | null>();
  /** {@link resolve}'s answers by importing file, then specifier. */
  private readonly byImporter = new Map<string, Map<string, string | null>>();
  private resolvers: { types: OxcResolver.ResolverFactory; files: OxcResolver.ResolverFactory } | undefined;

  /** Set while {@link fromModulesRead} runs: a question that needs a module not yet parsed stops there. */
  private probing = false;

  /**
   * `question`'s answer if the modules already parsed give it, or null where a module not yet
   * parsed would have to be read. An answer given is the one the question gives with reads: a
   * stopped question caches nothing (the answer cache is filled only on return).
   */
  fromModulesRead<T>(question: () => T): T | null {
    if (this.probing) return question();
    this.probing = true;
    try {
      return question();
    } catch (error) {
      if (error === needsRead) return null;
      throw error;
    } finally {
      this.probing = false;
    }
  }

  /**
   * Whether every question answers `'yes'`, reading modules only when the answer can change: a
   * question the modules already parsed answer with anything but `'yes'` decides it before any other
   * question reads a module. Otherwise the questions are asked in order, as `a() === 'yes' && b() === 'yes'`.
   */
  allYes(questions: readonly (() => Tri)[]): boolean {
    for (const question of questions) {
      const known = this.fromModulesRead(question);
      if (known !== null && known !== 'yes') return false;
    }
    return questions.every((question) => question() === 'yes');
  }

  get shapes(): ShapeReader {
    return this.reader;
  }

  /** The file whose questions are being answered (its scope manager), so a second start for it costs nothing. */
  private currentFile: object | null = null;

  /**
   * Starts the questions of another file, named by its scope manager: modules are checked for
   * changes again, and what was answered for the last file is forgotten. Whatever asks the index
   * about a file first calls it (the file's oracle, or {@link fileSpaceOf}); a second call for the
   * same file does nothing.
   */
  beginFile(file: object): void {
    if (file === this.currentFile) return;
    this.currentFile = file;
    this.generation++;
    this.answers.clear();
  }

  /**
   * Whether imports are followed at all. Only measurements turn it off, to weigh what the
   * cross-file half costs against the same lint without it: every import then answers `'unknown'`.
   */
  crossFile = true;

  /** The file `source` means when imported from `from`, or null when the index does not read it. */
  resolve(from: string, source: string): string | null {
    if (!this.crossFile) return null;
    // The same file asks about the same import many times (every name it imports, every question):
    // its own answers are found without building the shared key.
    let asked = this.byImporter.get(from);
    if (!asked) {
      asked = new Map();
      this.byImporter.set(from, asked);
    }
    const known = asked.get(source);
    if (known !== undefined) return known;
    const target = this.lookUp(from, source);
    asked.set(source, target);
    return target;
  }

  private lookUp(from: string, source: string): string | null {
    if (isBuiltin(source)) return null;
    const key = resolutionKey(from, source);
    const cached = this.resolved.get(key);
    if (cached !== undefined) return cached;
    let target: string | null = null;
    this.stats.resolutions++;
    try {
      // TypeScript's own lookup for declarations (`types`, `exports`, `@types`, `.js` → `.ts`) first;
      // then a file lookup with the nearest tsconfig's `paths`, which the declaration lookup skips.
      this.resolvers ??= this.createResolvers();
      target = this.resolvers.types.resolveDtsSync(from, source).path ?? this.resolvers.files.resolveFileSync(from, source).path ?? null;
    } catch {
      target = null;
    }
    if (target && (langOf(target) === null || (isInsidePackage(target) && langOf(target) !== 'dts'))) target = null;
    this.resolved.set(key, target);
    return target;
  }

  private createResolvers(): { types: OxcResolver.ResolverFactory; files: OxcResolver.ResolverFactory } {
    const types = new (oxcResolver().ResolverFactory)({ tsconfig: 'auto' });
    const typescriptFirst = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
    const files = types.cloneWithOptions({
      tsconfig: 'auto',
      extensions: typescriptFirst,
      extensionAlias: { '.js': ['.ts', '.tsx', '.d.ts', '.js'], '.mjs': ['.mts', '.d.mts', '.mjs'], '.cjs': ['.cts', '.d.cts', '.cjs'] },
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
    });
    return { types, files };
  }

  /**
   * The file's entry, its modification time checked once per linted file: its text until it is
   * parsed, its record after. Null when the file cannot be read.
   */
  private entry(file: string): ModuleEntry | null {
    const cached = this.records.get(file);
    if (cached?.seen === this.generation) return cached;
    let stat: { mtimeMs: number; size: number };
    try {
      stat = statSync(file);
    } catch {
      this.records.delete(file);
      return null;
    }
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      cached.seen = this.generation;
      return cached;
    }
    let text: string | null = null;
    try {
      text = langOf(file) ? readFileSync(file, 'utf8') : null;
    } catch {
      text = null;
    }
    if (text !== null) {
      this.stats.filesRead++;
      this.stats.bytesRead += text.length;
    }
    const fresh: ModuleEntry = { mtimeMs: stat.mtimeMs, size: stat.size, seen: this.generation, text, record: text === null ? emptyRecord : null };
    this.records.set(file, fresh);
    return fresh;
  }

  /**
   * Whether the module can export `name` at all, from its text alone: a module names what it
   * exports itself (`export { a as "b" }` and `export default` too), so a text without the name and
   * without an `export *` that could bring it in exports no such name. Most modules a star re-export
   * search passes (a package's `export * from './commands'`) are ruled out so, without a parse.
   * A `\u` escape could spell the name, so such a text is always parsed.
   */
  private mayExport(entry: ModuleEntry, name: string): boolean {
    const text = entry.text;
    // What `require()` gives is the namespace where nothing assigns `module.exports`.
    if (text === null || name === wholeModule) return true;
    return text.includes(name) || /export\s*\*/.test(text) || text.includes('\\u');
  }

  private load(file: string, entry: ModuleEntry): ModuleRecord {
    if (entry.record) return entry.record;
    let record = emptyRecord;
    const lang = langOf(file);
    try {
      if (lang && entry.text !== null) {
        this.stats.modulesRead++;
        // No `range`: nothing reads a position in another module, and asking oxc-parser for it costs a
        // quarter of its parse (a second number pair per node through JSON). No parentheses, as
        // typescript-estree gives none: `export const f = (async () => {})` reads as the function.
        const { program } = parseWithOxcBinding(file, entry.text, { lang, astType: 'ts', range: false, preserveParens: false });
        if (program) {
          dropFunctionBodies(program, entry.text.includes('signal'));
          record = recordOf(program, file);
        }
      }
    } catch {
      record = emptyRecord;
    }
    // The record answers every later question; the text is not kept beside it.
    entry.record = record;
    entry.text = null;
    return record;
  }

  exportShape(from: string | null, source: string, name: string, space: 'value' | 'type', depth: number): Shape {
    if (!from || depth > 24) return unknownShape;
    const file = this.resolve(from, source);
    if (!file) return unknownShape;
    if (name === '*') {
      if (space === 'type') return unknownShape;
      return { kind: 'object', member: (member) => this.exportOf(file, member, 'value', depth + 1) };
    }
    return this.exportOf(file, name, space, depth + 1);
  }

  private exportOf(file: string, name: string, space: 'value' | 'type', depth: number): Shape {
    if (depth > 24) return unknownShape;
    const key = `${space}\0${name}\0${file}`;
    const answered = this.answers.get(key);
    if (answered) return answered;
    const shape = this.findExport(file, name, space, depth);
    this.answers.set(key, shape);
    return shape;
  }

  private findExport(file: string, name: string, space: 'value' | 'type', depth: number): Shape {
    if (this.probing) {
      const held = this.records.get(file);
      if (!held || (!held.record && this.mayExport(held, name))) throw needsRead;
    }
    const held = this.entry(file);
    if (!held || !this.mayExport(held, name)) return unknownShape;
    const record = this.load(file, held);
    if (!record.space) return unknownShape;
    const entry = record.exports.get(name);
    if (entry) {
      switch (entry.kind) {
        case 'local': {
          const binding = space === 'value' ? record.space.value(entry.name) : record.space.type(entry.name);
          return this.reader.exported(binding, record.space, space, depth);
        }
        case 'declaration':
          if (isDeclaration(entry.node)) return this.reader.exported({ kind: 'declarations', nodes: [entry.node] }, record.space, space, depth);
          return space === 'value' ? this.reader.expression(entry.node as TSESTree.Expression, record.space, depth) : unknownShape;
        case 'reexport':
          return this.exportShape(file, entry.source, entry.imported, space, depth + 1);
      }
    }
    if (name === 'default') return unknownShape;
    // `require()` of a module that assigns no `module.exports` (an ES module, or one that only sets
    // `exports.x`) gives its namespace.
    if (name === wholeModule && space === 'value') return { kind: 'object', member: (member) => this.exportOf(file, member, 'value', depth + 1) };
    for (const star of record.stars) {
      const shape = this.exportShape(file, star, name, space, depth + 1);
      if (shape.kind !== 'unknown') return shape;
    }
    return unknownShape;
  }
}

/** One index per process: every file of every lint run shares what has been read. */
export const moduleIndex = new ModuleIndex();
