import * as zlib from 'node:zlib';
import { promisify } from 'node:util';

export class Packer {
  async pack(body: Buffer) {
    return await promisify(zlib.brotliCompress)(body);
  }

  unpack = async (body: Buffer) => await promisify(zlib.brotliDecompress)(body);
}
