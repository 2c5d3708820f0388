export async function choose(flag: boolean, p: Promise<string>) {
  if (flag) {
    const s = await p;
    return s.trim();
  }
  return Promise.resolve('none');
}

declare function load(kind: string): Promise<{ items: string[] }>;

export async function firstItem(kinds: string[]): Promise<string | undefined> {
  for (const kind of kinds) {
    if (kind.startsWith('#')) continue;
    if (kind === 'all') {
      const page = await load(kind);
      return page.items[0];
    }
  }
  return Promise.resolve(undefined);
}

export async function describe(kind: 'a' | 'b' | 'c', p: Promise<number>) {
  switch (kind) {
    case 'a':
      {
        const n = await p;
        if (n > 10) {
          return 'many';
        }
        console.info('few');
        return;
      }
    case 'b':
      {
        try {
          const count = await p;
          return `${count}`;
        } catch {
          return 'none';
        }
      }
    default:
      return Promise.resolve('other');
  }
}
