/**
 * Type information for a codemod's file from a TypeScript program (`--project <tsconfig.json>`).
 *
 * The rules get a checker from typescript-eslint's parser services; a codemod parses with oxc and has
 * none. This module builds one `ts.Program` per tsconfig per thread (TypeScript's own API: a
 * program cannot cross threads, so each worker builds its own) and hands a parsed file the same
 * {@link ParserServicesOracle} the rules use, fed with the parser-services shape it expects: the
 * program, and a map from the file's ESTree nodes to the program's nodes by source range. A range
 * means the same code only when the texts are equal, so a file is typed only when its text is the
 * program's text for it: when a codemod's own rewrite changed it (a second pass, a later codemod, the
 * idempotence check), the program is brought up to date for that one file, every other file reused.
 * A file the program does not hold (outside `include`, a `.js` file without `allowJs`) gets the
 * syntax oracle, and the codemod says so in its report.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';
import type { AnalysisFile } from '../file';
import { ParserServicesOracle, type TypedParserServices, typescriptApi } from './parser-services-oracle';
import { SyntaxOracle } from './syntax-oracle';
import type { TypeOracle } from './type-oracle';

// TypeScript is loaded only when a codemod is given a project (most of a second a syntax-only run
// never pays), by the same loader the typed oracle uses.
const tsApi = typescriptApi;

/** A tsconfig that cannot be read: where, and TypeScript's own words. */
export class ProjectConfigError extends Error {
  constructor(
    readonly configPath: string,
    readonly reason: string,
  ) {
    super(`${configPath}: ${reason}`);
    this.name = 'ProjectConfigError';
  }
}

/** How a file of a typed run was analysed: with the program's checker, or without it and why. */
export type TypesUse =
  | { readonly source: 'types'; readonly project: string }
  | { readonly source: 'syntax'; readonly project: string | null; readonly reason: TypesFallbackReason; readonly message: string };

/**
 * Why a file of a typed run got the syntax oracle: the program does not hold it, no tsconfig was
 * found above it (`--project auto`), or the tsconfig found cannot be read (`auto` finds configs the
 * CLI did not check before the run).
 */
export type TypesFallbackReason = 'not-in-project' | 'no-project-found' | 'project-unreadable';

/** What `--project` names: one tsconfig for every file, or `auto`, the nearest `tsconfig.json` above each file. */
export type ProjectSetting = string;

/** `--project auto`: each file takes the nearest `tsconfig.json` in its folder or above it. */
export const nearestProject = 'auto';

/**
 * The tsconfig `setting` names for `filePath`: the setting itself (resolved), or with `auto` the
 * nearest `tsconfig.json` in the file's folder or above it; null when there is none.
 */
export function projectConfigFor(setting: ProjectSetting, filePath: string): string | null {
  if (setting !== nearestProject) return path.resolve(setting);
  const api = tsApi();
  const found = api.findConfigFile(path.dirname(filePath), (file) => api.sys.fileExists(file));
  return found === undefined ? null : path.resolve(found);
}

/**
 * Reads a tsconfig as `tsc -p` does (`extends`, `include`, `files`, `references` ignored) and
 * returns the root files and options; throws {@link ProjectConfigError} with TypeScript's message
 * when it cannot. Cheap: no file is parsed. The CLI calls it before a run, so a wrong path is a
 * usage error, not an error in every file.
 */
export function readProjectConfig(configPath: string): { readonly fileNames: readonly string[]; readonly options: ts.CompilerOptions } {
  const api = tsApi();
  let unrecoverable: string | null = null;
  const host: ts.ParseConfigFileHost = {
    ...api.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = api.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    },
  };
  const parsed = api.getParsedCommandLineOfConfigFile(configPath, undefined, host);
  if (!parsed || unrecoverable !== null) throw new ProjectConfigError(configPath, unrecoverable ?? 'cannot be read');
  // TS18003 "No inputs were found" is what an empty `include` gives: a program without files types nothing.
  const fatal = parsed.errors.find((d) => d.category === api.DiagnosticCategory.Error);
  if (fatal) throw new ProjectConfigError(configPath, api.flattenDiagnosticMessageText(fatal.messageText, '\n'));
  return { fileNames: parsed.fileNames, options: parsed.options };
}

/**
 * One tsconfig's program, built on first use, and the one file whose text a codemod changed since:
 * each later text of that file gets the program updated for it (TypeScript reuses every other
 * file's parse and binding), the earlier update dropped, so memory stays one program and one update.
 */
class TypeScriptProject {
  private readonly base: ts.Program;
  get program(): ts.Program {
    return this.base;
  }

  private update: { readonly fileName: string; readonly text: string; readonly program: ts.Program } | null = null;

  constructor(readonly configPath: string) {
    const { fileNames, options } = readProjectConfig(configPath);
    this.base = tsApi().createProgram({ rootNames: fileNames, options });
  }

  /** The program whose text for `filePath` is `text`, or null when the program does not hold the file. */
  programFor(filePath: string, text: string): { program: ts.Program; sourceFile: ts.SourceFile } | null {
    const fileName = filePath.split(path.sep).join('/');
    const original = this.base.getSourceFile(fileName);
    if (!original) return null;
    if (original.text === text) return { program: this.base, sourceFile: original };
    if (this.update?.fileName !== fileName || this.update.text !== text) this.update = { fileName, text, program: this.updated(fileName, text) };
    const sourceFile = this.update.program.getSourceFile(fileName);
    return sourceFile ? { program: this.update.program, sourceFile } : null;
  }

  /** The base program with one file's text replaced; every other source file is the base's own object, so none is parsed again. */
  private updated(fileName: string, text: string): ts.Program {
    const api = tsApi();
    const options = this.base.getCompilerOptions();
    const host = api.createCompilerHost(options, true);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
      name === fileName ? api.createSourceFile(name, text, languageVersion, true) : (this.base.getSourceFile(name) ?? read(name, languageVersion, onError, shouldCreate));
    return api.createProgram({ rootNames: this.base.getRootFileNames(), options, host, oldProgram: this.base });
  }
}

/**
 * The program of a tsconfig as a project transform plans over it: the same one per thread the typed
 * oracle uses, so a transform that also parses files with types builds it once. Throws
 * {@link ProjectConfigError} when the tsconfig cannot be read.
 */
export function projectProgram(configPath: string): ts.Program {
  const resolved = path.resolve(configPath);
  let project = projectAt(resolved);
  // A transform plans over the files as they are now: a program built before an earlier run wrote
  // them (a second run in one process, the idempotence check) is built again.
  if (!(project instanceof ProjectConfigError) && isStale(project.program)) {
    projects.delete(resolved);
    project = projectAt(resolved);
  }
  if (project instanceof ProjectConfigError) throw project;
  return project.program;
}

function isStale(program: ts.Program): boolean {
  const api = tsApi();
  return program.getRootFileNames().some((name) => program.getSourceFile(name)?.text !== api.sys.readFile(name));
}

/** A TypeScript error of a program, where it is (absolute path, 0-based offset) and its message. */
export interface TypeError_ {
  readonly file: string | null;
  readonly start: number;
  readonly code: number;
  readonly message: string;
}

/**
 * The errors the project's program has once `texts` (absolute path → new text) replace their files,
 * that it did not have before: a project transform's `--typecheck`. Errors are matched by file, code
 * and message (their offsets move with the edits), counting repeats, so an error the rewrite only
 * moved is not new.
 */
export function newTypeErrors(configPath: string, texts: ReadonlyMap<string, string>): TypeError_[] {
  const api = tsApi();
  const base = projectProgram(configPath);
  const options = base.getCompilerOptions();
  const host = api.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  const byName = new Map([...texts].map(([file, text]) => [file.split(path.sep).join('/'), text]));
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const text = byName.get(path.resolve(name).split(path.sep).join('/'));
    return text === undefined ? (base.getSourceFile(name) ?? read(name, languageVersion, onError, shouldCreate)) : api.createSourceFile(name, text, languageVersion, true);
  };
  const after = api.createProgram({ rootNames: base.getRootFileNames(), options, host, oldProgram: base });
  const errorsOf = (program: ts.Program): TypeError_[] =>
    api.getPreEmitDiagnostics(program).flatMap((d) =>
      d.category === api.DiagnosticCategory.Error
        ? [{ file: d.file ? path.resolve(d.file.fileName) : null, start: d.start ?? 0, code: d.code, message: api.flattenDiagnosticMessageText(d.messageText, '\n') }]
        : [],
    );
  const keyOf = (e: TypeError_) => `${e.file ?? ''}\0${e.code}\0${e.message}`;
  const before = new Map<string, number>();
  for (const e of errorsOf(base)) before.set(keyOf(e), (before.get(keyOf(e)) ?? 0) + 1);
  return errorsOf(after).filter((e) => {
    const left = before.get(keyOf(e)) ?? 0;
    if (left > 0) before.set(keyOf(e), left - 1);
    return left === 0;
  });
}

/** Per thread: a worker builds its own programs, once each, and keeps them (or why it could not) for the run. */
const projects = new Map<string, TypeScriptProject | ProjectConfigError>();

function projectAt(configPath: string): TypeScriptProject | ProjectConfigError {
  let project = projects.get(configPath);
  if (!project) {
    try {
      project = new TypeScriptProject(configPath);
    } catch (error) {
      if (!(error instanceof ProjectConfigError)) throw error;
      project = error;
    }
    projects.set(configPath, project);
  }
  return project;
}

/**
 * The oracle factory for `parseFile` (`ParseFileOptions.oracle`) of a file in a typed run: the
 * checker's answers ({@link ParserServicesOracle}, falling back to the syntax oracle where the checker
 * knows nothing) when the program of `setting` holds the file, else the syntax oracle. `onUse` hears
 * which, once per file parsed, when the oracle is first asked for: a pass that asks nothing builds
 * no program. A tsconfig that cannot be read gives the syntax oracle too (`project-unreadable`).
 */
export function typedOracleFactory(setting: ProjectSetting, onUse: (use: TypesUse) => void): (file: Omit<AnalysisFile, 'oracle'>) => TypeOracle {
  return (file) => {
    const syntax = new SyntaxOracle(file.scopeManager, file.path ?? null);
    const filePath = file.path ?? null;
    const configPath = filePath === null ? null : projectConfigFor(setting, filePath);
    if (filePath === null) {
      onUse({ source: 'syntax', project: null, reason: 'not-in-project', message: 'the text has no file path, so no program holds it; it was read without types' });
      return syntax;
    }
    if (configPath === null) {
      onUse({ source: 'syntax', project: null, reason: 'no-project-found', message: 'no tsconfig.json in the file\'s folder or above it, so it was read without types' });
      return syntax;
    }
    const project = projectAt(configPath);
    if (project instanceof ProjectConfigError) {
      onUse({ source: 'syntax', project: configPath, reason: 'project-unreadable', message: `${project.reason}, so the file was read without types` });
      return syntax;
    }
    const typed = project.programFor(filePath, file.text);
    if (!typed) {
      onUse({
        source: 'syntax',
        project: configPath,
        reason: 'not-in-project',
        message: `${path.basename(configPath)} does not include the file (see its include, files and allowJs), so it was read without types`,
      });
      return syntax;
    }
    onUse({ source: 'types', project: configPath });
    return new ParserServicesOracle(servicesOf(typed.program, typed.sourceFile), syntax);
  };
}

/**
 * The oracle of a file of `program` parsed on its own (for a project codemod's plan over the whole
 * program): its types, the syntax oracle for what they leave open.
 */
export function programOracle(program: ts.Program, sourceFile: ts.SourceFile): (file: Omit<AnalysisFile, 'oracle'>) => TypeOracle {
  return (file) => new ParserServicesOracle(servicesOf(program, sourceFile), new SyntaxOracle(file.scopeManager, file.path ?? null));
}

/** The parser-services shape {@link ParserServicesOracle} reads, over a program and one of its files. */
function servicesOf(program: ts.Program, sourceFile: ts.SourceFile): TypedParserServices {
  const index = nodesByStart(sourceFile);
  return { program, esTreeNodeToTSNodeMap: { get: (node) => tsNodeOf(index, node) } };
}

/** Every node of a file by where its first token starts, outer nodes first. */
function nodesByStart(sourceFile: ts.SourceFile): Map<number, ts.Node[]> {
  const api = tsApi();
  const byStart = new Map<number, ts.Node[]>();
  const visit = (node: ts.Node): void => {
    const start = node.getStart(sourceFile);
    const list = byStart.get(start);
    if (list) list.push(node);
    else byStart.set(start, [node]);
    api.forEachChild(node, visit);
  };
  api.forEachChild(sourceFile, visit);
  return byStart;
}

/**
 * The program's node for an ESTree node: the innermost node with the same first token and end, as
 * typescript-estree's own map gives for expressions (a parenthesised expression maps inside its
 * parentheses on both sides; a name that is a whole expression statement maps to the name). A
 * declaration under `export` starts at `export` in TypeScript, so it is looked up from there.
 * Undefined where nothing has the range: the oracle then answers from the syntax.
 */
function tsNodeOf(byStart: ReadonlyMap<number, readonly ts.Node[]>, node: TSESTree.Node): ts.Node | undefined {
  const [start, end] = node.range;
  const same = (byStart.get(start) ?? []).filter((candidate) => candidate.end === end);
  if (same.length > 0) return same[same.length - 1];
  const parent = node.parent;
  if ((parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') && parent.declaration === node) {
    return (byStart.get(parent.range[0]) ?? []).find((candidate) => candidate.end === end);
  }
  return undefined;
}
