declare function price(item: string): Promise<number>;

export async function total(items: string[]) {
  let sum = 0;
  for (const item of items) {
    sum += await price(item);
  }
  return sum;
}
