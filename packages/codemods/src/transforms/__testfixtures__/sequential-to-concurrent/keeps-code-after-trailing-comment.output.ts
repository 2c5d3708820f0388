export async function launch() {
  const [a, b] = await Promise.all([x(), y()]); /* a */ launchMissiles(); /* b */
  const [c, d] = await Promise.all([
    z(),
    w(), // stays beside w()
  ]);
  return [a, b, c, d];
}
