import dns from 'node:dns';

export async function ipv4Of(host, print) {
  dns.lookup(host, { family: 4 }, (err, address) => {
    if (err) throw err;
    print(address);
  });
}
