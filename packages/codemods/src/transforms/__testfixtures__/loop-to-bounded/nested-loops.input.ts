declare function fetchItem(shop: string, id: string): Promise<string>;

export async function fetchShops(shops: string[], ids: string[]) {
  for (const shop of shops) {
    const items = [];
    for (const id of ids) {
      items.push(await fetchItem(shop, id));
    }
    console.log(shop, items.length);
  }
}
