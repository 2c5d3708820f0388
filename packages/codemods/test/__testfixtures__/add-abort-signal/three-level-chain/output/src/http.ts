/** The lowest level: the request itself. */
export async function getJson(url: string, options?: { signal?: AbortSignal }): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: options?.signal });
  return response.json();
}

export async function getText(url: string, opts?: { retries?: number; signal?: AbortSignal }): Promise<string> {
  const response = await fetch(url, { signal: opts?.signal });
  return response.text();
}

export async function getLater(url: string, options?: { signal?: AbortSignal }) {
  const first = await fetch(url, { signal: options?.signal });
  // Runs after getLater returned, when the caller's signal no longer speaks for it: left alone.
  return { first, again: () => fetch(url) };
}
