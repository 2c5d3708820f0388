declare function remove(key: string): Promise<void>;

export async function clear(cache: Record<string, string>) {
  for (const key of Object.keys(cache)) await remove(key);
}
