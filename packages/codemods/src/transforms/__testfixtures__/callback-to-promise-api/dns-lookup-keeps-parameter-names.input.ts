import dns from 'node:dns';

export async function describeHost(host: string, print: (line: string) => void) {
  dns.lookup(host, (error, addr, fam) => {
    if (error) throw error;
    print(`${host} is ${addr} (IPv${fam})`);
  });
}
