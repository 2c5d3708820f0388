declare function upload(name: string, content: string): Promise<void>;

export async function uploadAll(files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    await upload(name, content);
  }
}
