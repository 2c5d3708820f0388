export async function either(a: string, b: string, signal: AbortSignal) {
  return Promise.race([fetch(a, { signal }).then((r) => r.text()), fetch(b, { signal }).then((r) => r.text())]);
}
