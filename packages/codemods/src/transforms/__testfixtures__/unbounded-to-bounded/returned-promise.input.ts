declare function remove(key: string): Promise<void>;

export function clear(keys: string[]): Promise<void[]> {
  return Promise.all(keys.map(async (key) => remove(key)));
}
