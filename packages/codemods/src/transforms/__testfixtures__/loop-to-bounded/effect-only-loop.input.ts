declare function resize(path: string): Promise<void>;

export async function resizeAll(paths: string[]) {
  for (const path of paths) {
    if (path.endsWith('.svg')) continue;
    await resize(path);
  }
  console.log('resized');
}
