#!/usr/bin/env node
// The `asyncwise` bin. A small committed file rather than the build output itself: package managers
// link bins when they install, and in the asyncwise repository that is before the first build, when
// a bin pointing at dist/cli.js cannot be linked (pnpm: "Failed to create bin"). Installed from the
// registry, dist/ is always there.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('asyncwise: the CLI is not built (dist/cli.js is missing); run pnpm build in the asyncwise repository first.\n');
  process.exitCode = 1;
}
