export async function either(a: string, b: string, signal: AbortSignal) {
  const controller = new AbortController();
  const raceSignal = AbortSignal.any([signal, controller.signal]);
  return Promise.race([fetch(a, { signal: raceSignal }).then((r) => r.text()), fetch(b, { signal: raceSignal }).then((r) => r.text())]).finally(() => controller.abort());
}
