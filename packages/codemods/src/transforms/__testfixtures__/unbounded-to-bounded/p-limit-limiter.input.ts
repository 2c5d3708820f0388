declare function ping(host: string): Promise<number>;

export async function pingAll(hosts: string[]) {
  const times = await Promise.all(hosts.map(async (host) => {
    const ms = await ping(host);
    return ms;
  }));
  return times;
}
