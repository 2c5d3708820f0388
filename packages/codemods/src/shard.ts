/**
 * `--shard i/n`: a deterministic 1/n of the files, so a CI matrix of n machines covers a repository
 * exactly once. A file's shard comes from a hash of its path relative to the working directory
 * (`/`-separated), not from its place in a sorted list: adding a file moves no other file to
 * another shard, so shard reports of a repository stay comparable from run to run.
 */
import { createHash } from 'node:crypto';
import { OptionError } from './errors';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: unknown): Shard | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value) : null;
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
    throw new OptionError(`invalid value ${JSON.stringify(value)}: expected i/n with 1 ≤ i ≤ n, e.g. 1/4.`);
  }
  return { index, count };
}

/** The 1-based shard a path (relative, `/`-separated) belongs to among `count`. */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}
