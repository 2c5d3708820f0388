import dns from 'node:dns';

export async function describeHost(host: string, print: (line: string) => void) {
  const { address: addr, family: fam } = await dns.promises.lookup(host);
  print(`${host} is ${addr} (IPv${fam})`);
}
