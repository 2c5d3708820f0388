declare function upload(path: string): Promise<void>;

export async function publish(files: string[]) {
  files.forEach(async (file) => upload(file));
}
