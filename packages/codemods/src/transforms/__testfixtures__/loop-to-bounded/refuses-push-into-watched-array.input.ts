declare function readFile(path: string): Promise<string>;
declare function report(progress: () => number): void;
declare const stream: { push(chunk: string): boolean };

// A function reads the array while the loop runs: it would see nothing until the map resolves.
export async function watched(paths: string[]) {
  const done: string[] = [];
  report(() => done.length);
  for (const path of paths) {
    done.push(await readFile(path));
  }
  return done;
}

// Assigned again: what `push` is depends on what was assigned.
export async function reassigned(paths: string[], sink: { push(x: string): void }) {
  let out: { push(x: string): void } = [];
  if (paths.length > 10) out = sink;
  for (const path of paths) {
    out.push(await readFile(path));
  }
  return out;
}

// Not an array at all: a stream's `push` is consumed as it happens.
export async function toStream(paths: string[]) {
  for (const path of paths) {
    stream.push(await readFile(path));
  }
}

// Declared in an outer function: every call of the inner one fills it.
export function outer() {
  const seen: string[] = [];
  return async (paths: string[]) => {
    for (const path of paths) {
      seen.push(await readFile(path));
    }
    return seen;
  };
}
