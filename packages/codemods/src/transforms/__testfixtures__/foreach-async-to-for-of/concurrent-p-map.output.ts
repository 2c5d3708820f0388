import pMap from 'p-map';
declare function upload(path: string): Promise<void>;

export async function publish(files: string[]) {
  await pMap(files, async (file) => upload(file), { concurrency: 4 });
}
