interface Entry {
  readonly plain: boolean;
}

declare function decrypt(entry: Entry): Promise<Entry>;

export async function decryptAll(config: Record<string, unknown>, key: string, entries: Entry[]) {
  config[key] = [];
  for (const entry of entries) {
    // Plain entries are pushed at once, decrypted ones when their call ends: a bounded map would reorder them.
    if (entry.plain) {
      (config[key] as Entry[]).push(entry);
    } else {
      (config[key] as Entry[]).push(await decrypt(entry));
    }
  }
}
