import type { Delay, FetchLike, Transport } from './fetch-like';

export async function token(fetchFn: FetchLike, url: string): Promise<boolean> {
  const response = await fetchFn(url, {
    method: 'POST',
  });
  return response.ok;
}

export async function announce(transport: Transport, who: string): Promise<void> {
  await transport.send(who);
  // No signal in its declared type: left as it is.
  await transport.close();
}

export async function backOff(
  delay: Delay,
  attempt: number,
  opts?: {
    base?: number;
  },
): Promise<void> {
  await delay((opts?.base ?? 100) * 2 ** attempt);
}
