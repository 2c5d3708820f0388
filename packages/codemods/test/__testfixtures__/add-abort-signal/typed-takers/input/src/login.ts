import { announce, backOff, token } from './auth';
import type { Delay, FetchLike, Transport } from './fetch-like';

export async function login(
  fetchFn: FetchLike,
  transport: Transport,
  delay: Delay,
  url: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await token(fetchFn, url)) {
      await announce(
        transport,
        url
      );
      return true;
    }
    await backOff(delay, attempt);
  }
  return false;
}
