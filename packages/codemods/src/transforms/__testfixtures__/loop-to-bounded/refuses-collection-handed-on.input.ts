declare function load(id: string): Promise<string>;
declare function track(progress: Record<string, string>): void;
declare function report(all: string[]): void;

// Read through another name while the loop runs: deferred writes would show it empty.
export async function viaAlias(ids: string[]) {
  const out: Record<string, string> = {};
  const view = out;
  for (const id of ids) {
    if (view[id.toLowerCase()]) continue;
    out[id] = await load(id);
  }
  return out;
}

// Handed to a function before the loop, which may read it at any time.
export async function tracked(ids: string[]) {
  const out: Record<string, string> = {};
  track(out);
  for (const id of ids) {
    out[id] = await load(id);
  }
  return out;
}

// Handed on after the inner loop, but before the inner loop's next run.
export async function perGroup(groups: string[][]) {
  const all: string[] = [];
  for (const group of groups) {
    for (const id of group) {
      all.push(await load(id));
    }
    report(all);
  }
  return all;
}
