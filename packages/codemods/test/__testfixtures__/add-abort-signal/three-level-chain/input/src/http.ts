/** The lowest level: the request itself. */
export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return response.json();
}

export async function getText(url: string, opts?: { retries?: number }): Promise<string> {
  const response = await fetch(url);
  return response.text();
}

export async function getLater(url: string) {
  const first = await fetch(url);
  // Runs after getLater returned, when the caller's signal no longer speaks for it: left alone.
  return { first, again: () => fetch(url) };
}
