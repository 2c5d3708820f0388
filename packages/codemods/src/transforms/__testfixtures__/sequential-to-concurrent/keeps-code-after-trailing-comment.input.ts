export async function launch() {
  const a = await x();
  const b = await y(); /* a */ launchMissiles(); /* b */
  const c = await z();
  const d = await w(); // stays beside w()
  return [a, b, c, d];
}
