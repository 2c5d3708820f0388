import type { Stats } from 'node:fs';
import path from 'node:path';

/** A path as the user reads it: relative to `cwd` when inside it, always with `/`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

/** What a path that is not a regular file or directory is, in words, for messages. */
export function describeFileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return stats.isFile() ? 'a regular file' : 'not a regular file';
}
