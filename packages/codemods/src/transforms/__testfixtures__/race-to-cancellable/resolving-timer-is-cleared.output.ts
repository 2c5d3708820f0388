export async function latestOrNull(url: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();
  const latest = await Promise.race([
    fetch(url, { signal: controller.signal }).then((r) => r.json()),
    new Promise((resolve) => (timer = setTimeout(() => resolve(null), 2000))),
  ]).finally(() => controller.abort()).finally(() => clearTimeout(timer));
  return latest;
}
