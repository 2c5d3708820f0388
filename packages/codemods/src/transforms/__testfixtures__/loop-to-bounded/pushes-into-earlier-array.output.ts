import { boundedMap } from '../../../lib/asyncwise-limit.js';
interface Change {
  readonly path: string;
  readonly contents: string | null;
}
declare function readFile(path: string): Promise<string | null>;

// The results array already holds items and is declared before other statements: each call
// collects its own push, and they are appended in the order of the paths after the map.
export async function changes(modified: string[], deleted: string[]): Promise<Change[]> {
  const res: Change[] = [{ path: 'lockfile', contents: null }];
  const count = modified.length;
  for (const resBatch of await boundedMap(modified, 8, async (path) => {
    const newRes: Change[] = [];
    newRes.push({ path, contents: await readFile(path) });
    return newRes;
  })) res.push(...resBatch);
  for (const path of deleted) {
    res.push({ path, contents: null });
  }
  return count > 0 ? res : [];
}

// A second loop into an array an earlier loop filled.
export async function both(first: string[], second: string[]) {
  const out: (string | null)[] = [];
  for (const path of first) out.push(path);
  for (const outBatch of await boundedMap(second, 8, async (path) => {
    const newOut: (string | null)[] = [];
    newOut.push(await readFile(path));
    return newOut;
  })) out.push(...outBatch);
  return out;
}
