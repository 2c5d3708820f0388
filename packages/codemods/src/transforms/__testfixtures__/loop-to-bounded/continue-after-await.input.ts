declare function stat(path: string): Promise<{ isFile(): boolean; size: number }>;
declare function upload(path: string): Promise<void>;

// A `continue` that depends on the awaited value only ends its own iteration: each call returns
// what it collected so far (none), and the results keep the order of the list.
export async function files(paths: string[]) {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isFile()) continue;
    out.push(path);
  }
  return out;
}

// Run for its effects: the `continue` becomes a `return` of the call.
export async function uploadFiles(paths: string[]) {
  for (const path of paths) {
    const info = await stat(path);
    if (info.size === 0) continue;
    await upload(path);
  }
}
