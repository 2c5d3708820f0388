export async function either(a: string, b: string, init: RequestInit) {
  return Promise.race([fetch(a, init).then((r) => r.text()), fetch(b, init).then((r) => r.text())]);
}
