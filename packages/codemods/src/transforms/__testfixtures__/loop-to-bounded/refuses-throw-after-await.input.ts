declare function check(path: string): Promise<{ ok: boolean; message: string }>;

// A `throw` after the await stops the loop at the first failure: later files are not checked.
export async function validate(paths: string[]) {
  for (const path of paths) {
    const report = await check(path);
    if (!report.ok) throw new Error(report.message);
    if (report.message === '') continue;
  }
}
