interface LoadOptions {
  readonly signal?: AbortSignal;
  readonly retries?: number;
}

// The caller's signal is combined with the race's controller: cancelling the caller still stops
// both requests, and the loser stops once the race settles.
export async function loadCatalog(primary: string, mirror: string, signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return null;
  const raceController = new AbortController();
  const raceSignal = AbortSignal.any([signal, raceController.signal]);
  return await Promise.race([
    fetch(primary, { signal: raceSignal }).then((r) => r.json()),
    fetch(mirror, { signal: raceSignal }).then((r) => r.json()),
  ]).finally(() => raceController.abort());
}

// An option that may be missing: combined only when given.
export async function fastest(urls: [string, string], options: LoadOptions = {}) {
  options.signal?.throwIfAborted();
  const raceController = new AbortController();
  const raceSignal = options.signal ? AbortSignal.any([options.signal, raceController.signal]) : raceController.signal;
  const text = await Promise.any([fetch(urls[0], { signal: raceSignal }).then((r) => r.text()), fetch(urls[1], { signal: raceSignal }).then((r) => r.text())]).finally(() => raceController.abort());
  return text;
}

// In a `finally`: the abort itself may be why cleanup runs, so only the race's own controller is passed.
export async function withCleanup(a: string, b: string, signal: AbortSignal) {
  try {
    await fetch(a, { signal });
  } finally {
    const raceController = new AbortController();
    await Promise.race([fetch(a, { method: 'DELETE', signal: raceController.signal }).then((r) => r.text()), fetch(b, { method: 'DELETE', signal: raceController.signal }).then((r) => r.text())]).finally(() => raceController.abort());
  }
}
