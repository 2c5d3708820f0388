// ESLint reads .cts as a module by default: `a` and `b` are private to this file.
let a, b;
async function load() {
  [a, b] = await Promise.all([getA(), getB()]);
}
module.exports = { load };
