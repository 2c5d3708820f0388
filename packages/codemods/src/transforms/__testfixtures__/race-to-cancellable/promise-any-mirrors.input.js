export async function firstHealthy(urls) {
  const [a, b] = urls;
  return Promise.any([fetch(a).then((res) => res.text()), fetch(b, { headers: { accept: 'text/plain' } }).then((res) => res.text())]);
}
