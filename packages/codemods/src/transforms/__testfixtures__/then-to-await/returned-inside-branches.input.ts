export function choose(flag: boolean, p: Promise<string>) {
  if (flag) {
    return p.then((s) => s.trim());
  }
  return Promise.resolve('none');
}

declare function load(kind: string): Promise<{ items: string[] }>;

export function firstItem(kinds: string[]): Promise<string | undefined> {
  for (const kind of kinds) {
    if (kind.startsWith('#')) continue;
    if (kind === 'all') return load(kind).then((page) => page.items[0]);
  }
  return Promise.resolve(undefined);
}

export function describe(kind: 'a' | 'b' | 'c', p: Promise<number>) {
  switch (kind) {
    case 'a':
      return p.then((n) => {
        if (n > 10) {
          return 'many';
        }
        console.info('few');
      });
    case 'b':
      return p.then((count) => `${count}`).catch(() => 'none');
    default:
      return Promise.resolve('other');
  }
}
