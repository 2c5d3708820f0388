import pMap from 'p-map';

declare function readFile(path: string): Promise<string | null>;

// An earlier loop of the same run became `const res = await pMap(…)`: a new array nobody else holds,
// which the second loop's pushes then extend in list order.
export async function artifacts(updated: string[], extra: string[]) {
  const res: (string | null)[] = await pMap(updated, async (path) => {
    return await readFile(path);
  }, { concurrency: 8 });
  for (const resBatch of await pMap(extra, async (path) => {
    const newRes: (string | null)[] = [];
    newRes.push(await readFile(path));
    return newRes;
  }, { concurrency: 8 })) res.push(...resBatch);
  return res;
}
