interface LoadOptions {
  readonly signal?: AbortSignal;
  readonly retries?: number;
}

// The caller's signal is combined with the race's controller: cancelling the caller still stops
// both requests, and the loser stops once the race settles.
export async function loadCatalog(primary: string, mirror: string, signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return null;
  return await Promise.race([
    fetch(primary).then((r) => r.json()),
    fetch(mirror).then((r) => r.json()),
  ]);
}

// An option that may be missing: combined only when given.
export async function fastest(urls: [string, string], options: LoadOptions = {}) {
  options.signal?.throwIfAborted();
  const text = await Promise.any([fetch(urls[0]).then((r) => r.text()), fetch(urls[1]).then((r) => r.text())]);
  return text;
}

// In a `finally`: the abort itself may be why cleanup runs, so only the race's own controller is passed.
export async function withCleanup(a: string, b: string, signal: AbortSignal) {
  try {
    await fetch(a, { signal });
  } finally {
    await Promise.race([fetch(a, { method: 'DELETE' }).then((r) => r.text()), fetch(b, { method: 'DELETE' }).then((r) => r.text())]);
  }
}
