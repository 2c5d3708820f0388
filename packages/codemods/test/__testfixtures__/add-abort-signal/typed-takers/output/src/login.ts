import { announce, backOff, token } from './auth';
import type { Delay, FetchLike, Transport } from './fetch-like';

export async function login(
  fetchFn: FetchLike,
  transport: Transport,
  delay: Delay,
  url: string,
  options?: { signal?: AbortSignal },
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await token(fetchFn, url, { signal: options?.signal })) {
      await announce(
        transport,
        url,
        { signal: options?.signal }
      );
      return true;
    }
    await backOff(delay, attempt, { signal: options?.signal });
  }
  return false;
}
