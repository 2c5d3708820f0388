import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function check(url: string, position: number): Promise<void>;

export async function checkLinks(links: string[]) {
  await boundedMap(links, 8, async (_, i) => {
    await check(links[i], i);
  });
}
