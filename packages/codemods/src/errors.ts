/**
 * Errors with enough context for a one-line report: which file, where, and what to do. The CLI turns
 * these into messages and exit codes; a user never sees a stack trace.
 */

/** A transform produced text that does not parse. The input is left as it was. */
export class OutputParseError extends Error {
  constructor(
    readonly filePath: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(
      `${filePath}:${line}:${column}: the rewritten code would not parse (${reason}). ` +
        'This is a bug in asyncwise; the file is left unchanged. Please report it with the input.',
    );
    this.name = 'OutputParseError';
  }
}

/** A transform kept finding new rewrites in its own output, so its result cannot be trusted. */
export class NotConvergingError extends Error {
  constructor(readonly filePath: string) {
    super(`${filePath}: the rewrite did not settle: each pass found new changes. The file is left unchanged.`);
    this.name = 'NotConvergingError';
  }
}

/** An option value a transform cannot use, with the forms it accepts. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/** Why a path the user named cannot be used. */
export type PathProblem = 'missing' | 'not-source' | 'not-file-or-directory' | 'broken-symlink';

/**
 * A path the user named that cannot be used: it does not exist, is a symlink that leads nowhere (a
 * loop, a missing target), is a file the codemods cannot read, or is neither a regular file nor a
 * directory (`/dev/null`, a FIFO, a socket).
 */
export class PathError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly problem: PathProblem = 'missing',
  ) {
    super(message);
    this.name = 'PathError';
  }
}

/** `--write` was refused: files to be rewritten have uncommitted changes. Nothing was written. */
export class DirtyWorkTreeError extends Error {
  constructor(readonly files: readonly string[]) {
    super(
      `${files.length} file${files.length === 1 ? '' : 's'} to rewrite ${files.length === 1 ? 'has' : 'have'} uncommitted changes; ` +
        'commit or stash them first, or pass --allow-dirty.',
    );
    this.name = 'DirtyWorkTreeError';
  }
}

/**
 * `--report` names a place the report must not or cannot go: a file the run migrates, something
 * that is not a regular file, a file that is not an earlier report, or a folder that cannot be
 * written. Found before the run starts, so nothing was migrated.
 */
export class ReportTargetError extends Error {
  constructor(
    readonly reportPath: string,
    message: string,
  ) {
    super(`--report ${reportPath}: ${message}`);
    this.name = 'ReportTargetError';
  }
}
