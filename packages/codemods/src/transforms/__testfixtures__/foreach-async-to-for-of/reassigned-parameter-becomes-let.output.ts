declare function write(line: string): Promise<void>;

export async function print(lines: string[]) {
  for (let line of lines) {
    line = line.trimEnd();
    await write(line);
  }
}
