import type { Delay, FetchLike, Transport } from './fetch-like';

export async function token(fetchFn: FetchLike, url: string, options?: { signal?: AbortSignal }): Promise<boolean> {
  const response = await fetchFn(url, {
    method: 'POST',
    signal: options?.signal,
  });
  return response.ok;
}

export async function announce(transport: Transport, who: string, options?: { signal?: AbortSignal }): Promise<void> {
  await transport.send(who, { signal: options?.signal });
  // No signal in its declared type: left as it is.
  await transport.close();
}

export async function backOff(
  delay: Delay,
  attempt: number,
  opts?: {
    base?: number;
    signal?: AbortSignal;
  },
): Promise<void> {
  await delay((opts?.base ?? 100) * 2 ** attempt, opts?.signal);
}
