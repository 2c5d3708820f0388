export async function either(a: string, b: string, signal: AbortSignal) {
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(5000)]);
  return Promise.race([fetch(a, { signal: deadline }).then((r) => r.text()), fetch(b, { signal: deadline }).then((r) => r.text())]);
}
