import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function fetchItem(shop: string, id: string): Promise<string>;

export async function fetchShops(shops: string[], ids: string[]) {
  for (const shop of shops) {
    const items = await boundedMap(ids, 8, async (id) => {
      return await fetchItem(shop, id);
    });
    console.log(shop, items.length);
  }
}
