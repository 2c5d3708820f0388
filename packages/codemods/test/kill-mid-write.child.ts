/**
 * A process killed in the middle of an atomic write, for atomic-write.test.ts: it writes `text` to
 * `target` with the real writer, prints the temp file's path once every byte is in it, and then
 * waits before the rename until the test kills it with SIGKILL.
 *
 * Usage: node --conditions=source --import tsx test/kill-mid-write.child.ts <target> <text>
 */
import { writeFileAtomically } from '../src/atomic-write';

const [target, text] = process.argv.slice(2);
if (target === undefined || text === undefined) throw new Error('usage: kill-mid-write.child.ts <target> <text>');
await writeFileAtomically(target, Buffer.from(text, 'utf8'), {
  beforeRename: (temp) =>
    new Promise<void>(() => {
      process.stdout.write(`${temp}\n`);
      // Keeps the process alive, rename never reached: only SIGKILL ends it.
      setInterval(() => undefined, 60_000);
    }),
});
