declare function load(id: string): Promise<string>;
declare function bucketOf(id: string): string[];

export async function fill(ids: string[]) {
  for (const id of ids) {
    // Whatever bucketOf returns may be shared by several ids: pushed in the order the calls finish.
    bucketOf(id).push(await load(id));
  }
}
