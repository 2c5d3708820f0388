declare function remove(key: string): Promise<void>;

export async function clear(cache: Record<string, string>) {
  Object.keys(cache).forEach(async (key) => remove(key));
}
