declare function log(message: string): Promise<void>;

export class Reporter {
  prefix = '>';

  async report(lines: string[]) {
    // A `function` callback's `this` is undefined here; in a loop it would be the Reporter.
    lines.forEach(async function (line) {
      await log(`${String(this)} ${line}`);
    });
  }
}
