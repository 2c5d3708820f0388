import dns from 'node:dns';

export async function addressesOf(host, print) {
  dns.lookup(host, { all: true }, (err, addresses) => {
    if (err) throw err;
    print(addresses.map((a) => a.address));
  });
}
