import dns from 'node:dns';

export async function ipv4Of(host, print) {
  const { address } = await dns.promises.lookup(host, { family: 4 });
  print(address);
}
