import * as zlib from 'node:zlib';

export class Packer {
  async pack(body: Buffer) {
    return zlib.brotliCompressSync(body);
  }

  unpack = async (body: Buffer) => zlib.brotliDecompressSync(body);
}
