import type { AnalysisFile } from '../file';
import { moduleIndex } from './module-index';
import { ScopedSpace } from './space';
import { PerFile } from '../per-file';

const spaces = new PerFile<ScopedSpace>();

/**
 * The file's names for questions asked straight of the declaration index (not through the oracle,
 * whose space also knows the promise catalogue): one per file, its imports resolved from its path.
 */
export function fileSpaceOf(file: AnalysisFile): ScopedSpace {
  let space = spaces.get(file);
  if (!space) {
    space = new ScopedSpace(file.scopeManager, file.path ?? null, () => false);
    spaces.set(file, space);
  }
  moduleIndex.beginFile(file.scopeManager);
  return space;
}
