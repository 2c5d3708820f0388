// Nothing shows `entries` is an array: a Map's forEach gives (value, key), for…of gives entries.
declare function store(value: unknown): Promise<void>;

export async function persist(entries: Iterable<unknown> & { forEach(cb: (v: unknown) => void): void }) {
  entries.forEach(async (value) => {
    await store(value);
  });
}
