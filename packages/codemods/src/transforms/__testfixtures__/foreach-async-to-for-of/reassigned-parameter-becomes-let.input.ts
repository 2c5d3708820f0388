declare function write(line: string): Promise<void>;

export async function print(lines: string[]) {
  lines.forEach(async (line) => {
    line = line.trimEnd();
    await write(line);
  });
}
