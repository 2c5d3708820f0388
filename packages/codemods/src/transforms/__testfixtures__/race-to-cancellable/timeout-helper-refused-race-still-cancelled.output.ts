const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

export async function load(path: string) {
  const controller = new AbortController();
  return Promise.race([fetch(path, { signal: controller.signal }).then((r) => r.json()), timeout(1000)]).finally(() => controller.abort());
}
