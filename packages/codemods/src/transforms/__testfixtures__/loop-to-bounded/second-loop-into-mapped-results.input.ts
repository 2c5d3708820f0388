import pMap from 'p-map';

declare function readFile(path: string): Promise<string | null>;

// An earlier loop of the same run became `const res = await pMap(…)`: a new array nobody else holds,
// which the second loop's pushes then extend in list order.
export async function artifacts(updated: string[], extra: string[]) {
  const res: (string | null)[] = [];
  for (const path of updated) {
    res.push(await readFile(path));
  }
  for (const path of extra) {
    res.push(await readFile(path));
  }
  return res;
}
