export async function firstHealthy(urls) {
  const [a, b] = urls;
  const controller = new AbortController();
  return Promise.any([fetch(a, { signal: controller.signal }).then((res) => res.text()), fetch(b, { headers: { accept: 'text/plain' }, signal: controller.signal }).then((res) => res.text())]).finally(() => controller.abort());
}
