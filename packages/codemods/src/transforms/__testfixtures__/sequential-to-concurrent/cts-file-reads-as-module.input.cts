// ESLint reads .cts as a module by default: `a` and `b` are private to this file.
let a, b;
async function load() {
  a = await getA();
  b = await getB();
}
module.exports = { load };
