const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

export async function load(path: string) {
  return Promise.race([fetch(path).then((r) => r.json()), timeout(1000)]);
}
