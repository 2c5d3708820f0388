// Preloaded into the oxlint process by bench/oxlint.ts: `node --import <this file> <oxlint bin> …`.
// oxlint's bin is a Node script and its Rust linter (a native addon) and the JS plugins run inside that
// one process, so this process's own `process.resourceUsage()` at exit holds oxlint's exact peak RSS
// (`maxRSS`, KiB) and CPU times, with no polling. Written as JSON to $BENCH_RESOURCE_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RESOURCE_USAGE_FILE;
if (out) {
  process.on('exit', () => {
    writeFileSync(out, JSON.stringify(process.resourceUsage()));
  });
}
