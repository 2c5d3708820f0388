export async function lengths(paths, read) {
  for (const path of paths) {
    var text = await read(path);
    console.log(text.length);
  }
}
