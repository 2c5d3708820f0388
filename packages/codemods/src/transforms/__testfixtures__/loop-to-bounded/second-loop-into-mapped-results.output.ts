import pMap from 'p-map';

declare function readFile(path: string): Promise<string | null>;

// An earlier loop of the same run became `const res = await pMap(…)`: a new array nobody else holds,
// which the second loop's pushes then extend in list order.
export async function artifacts(updated: string[], extra: string[]) {
  const res: (string | null)[] = await pMap(updated, async (path) => {
    return await readFile(path);
  }, { concurrency: 8 });
  for (const batch of await pMap(extra, async (path) => {
    const found: (string | null)[] = [];
    found.push(await readFile(path));
    return found;
  }, { concurrency: 8 })) res.push(...batch);
  return res;
}
