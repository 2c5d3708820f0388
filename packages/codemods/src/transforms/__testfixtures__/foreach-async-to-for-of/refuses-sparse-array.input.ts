declare function ping(host: string | undefined): Promise<void>;

export async function pingAll(a: string, b: string) {
  [a, , b].forEach(async (host) => {
    await ping(host);
  });
}
