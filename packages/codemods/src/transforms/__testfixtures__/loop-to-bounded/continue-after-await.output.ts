import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function stat(path: string): Promise<{ isFile(): boolean; size: number }>;
declare function upload(path: string): Promise<void>;

// A `continue` that depends on the awaited value only ends its own iteration: each call returns
// what it collected so far (none), and the results keep the order of the list.
export async function files(paths: string[]) {
  const out: string[] = [];
  for (const outBatch of await boundedMap(paths, 8, async (path) => {
    const newOut: string[] = [];
    const info = await stat(path);
    if (!info.isFile()) return newOut;
    newOut.push(path);
    return newOut;
  })) out.push(...outBatch);
  return out;
}

// Run for its effects: the `continue` becomes a `return` of the call.
export async function uploadFiles(paths: string[]) {
  await boundedMap(paths, 8, async (path) => {
    const info = await stat(path);
    if (info.size === 0) return;
    await upload(path);
  });
}
