export function choose(flag: boolean, p: Promise<string>) {
  if (flag) {
    return p.then((s) => s.trim());
  }
  return Promise.resolve('none');
}
