#!/usr/bin/env node
const [first, second] = await Promise.all([readFirst(), readSecond()]);
console.log(first, second);
