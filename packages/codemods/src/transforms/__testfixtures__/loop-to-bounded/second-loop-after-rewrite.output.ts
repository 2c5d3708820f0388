import pMap from 'p-map';

declare function readFile(path: string): Promise<string | null>;

// What an earlier rewrite left: `res` is the new array p-map resolved to, which nothing else holds,
// so the second loop's pushes extend it in list order.
export async function artifacts(updated: string[], renamed: { from: string; to: string }[]) {
  const res = await pMap(updated, async (path) => {
    return readFile(path);
  }, { concurrency: 8 });
  for (const resBatch of await pMap(renamed, async (f) => {
    const newRes = [];
    newRes.push(null);
    newRes.push(await readFile(f.to));
    return newRes;
  }, { concurrency: 8 })) res.push(...resBatch);
  return res;
}

// Not a limiter's result: `other` may be held elsewhere, so the loop stays.
declare function cached(): Promise<(string | null)[]>;
export async function notFresh(paths: string[]) {
  const res = await cached();
  for (const path of paths) {
    res.push(await readFile(path));
  }
  return res;
}
