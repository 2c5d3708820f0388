declare function load(id: string): Promise<string>;

// A setter on the collection runs when a key is written: deferring the writes would move its effects.
export async function logged(ids: string[]) {
  const seen: string[] = [];
  const out = {
    set last(value: string) {
      seen.push(value);
    },
  } as Record<string, string>;
  for (const id of ids) {
    out[id] = await load(id);
  }
  return { out, seen };
}
