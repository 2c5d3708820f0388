declare function load(name: string): Promise<string>;

export async function config() {
  return Promise.all(['a', 'b', 'c'].map(async (name) => load(name)));
}
