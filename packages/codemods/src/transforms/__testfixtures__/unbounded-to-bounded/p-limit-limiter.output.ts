import pLimit from 'p-limit';
declare function ping(host: string): Promise<number>;

export async function pingAll(hosts: string[]) {
  const limit = pLimit(4);
  const times = await Promise.all(hosts.map((host) => limit(async () => {
    const ms = await ping(host);
    return ms;
  })));
  return times;
}
