function refresh() {
  return Date.now();
}

export async function touch(p) {
  await Promise.resolve(p);
  console.log('saved');
  return refresh();
}
