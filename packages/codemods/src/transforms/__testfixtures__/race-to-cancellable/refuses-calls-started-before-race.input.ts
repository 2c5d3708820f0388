export async function either(a: string, b: string) {
  const first = fetch(a).then((r) => r.text());
  const second = fetch(b).then((r) => r.text());
  return Promise.race([first, second]);
}
