import pLimit from 'p-limit';

declare function load(name: string): Promise<string>;

const limit = pLimit(4);

export async function loadAll(names: string[]) {
  return Promise.all(names.map((name) => limit(() => load(name))));
}
