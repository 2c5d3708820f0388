#!/usr/bin/env node
const first = await readFirst();
const second = await readSecond();
console.log(first, second);
