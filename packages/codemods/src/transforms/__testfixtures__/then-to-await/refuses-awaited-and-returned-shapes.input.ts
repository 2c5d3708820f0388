declare function load(id: string): Promise<{ name: string }>;

export function fromTry(id: string) {
  try {
    return load(id).then((user) => user.name);
  } catch {
    return Promise.resolve('');
  }
}

export async function untyped(id: string) {
  const name = await load(id)
    .then((user) => user.name)
    .catch(() => 'nobody');
  return name;
}

export async function destructured(id: string) {
  const { name } = await load(id).catch(() => ({ name: 'nobody' }));
  return name;
}

export async function several(id: string) {
  const a = await load(id).then((user) => user.name), b = 2;
  return a + b;
}

export function carried(p: Promise<number>) {
  return p.catch(() => 0).then((n) => n + 1);
}
