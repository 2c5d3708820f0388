#!/usr/bin/env node
const fs = require('fs');

async function main() {
  const input = fs.readFileSync(process.argv[2], 'utf8');
  process.stdout.write(input.toUpperCase());
}

main();
