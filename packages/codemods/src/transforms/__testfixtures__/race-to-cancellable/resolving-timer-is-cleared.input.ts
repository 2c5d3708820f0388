export async function latestOrNull(url: string) {
  const latest = await Promise.race([
    fetch(url).then((r) => r.json()),
    new Promise((resolve) => setTimeout(() => resolve(null), 2000)),
  ]);
  return latest;
}
