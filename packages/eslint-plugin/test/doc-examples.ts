// The examples of a rule's doc page: the docs test lints them with ESLint, the oxlint parity test with both linters.

export interface Example {
  code: string;
  line: number;
  expect: 'report' | 'clean';
  /** The block's language: `ts`, `tsx`, `js` or `jsx`. */
  lang: string;
  options: unknown[];
}

/** Code blocks under "❌ Incorrect" / "✅ Correct" headings, or whose first line says which they are. */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let heading: Example['expect'] | null = null;
  let options: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^#{1,4} /.test(line)) heading = line.includes('❌') ? 'report' : line.includes('✅') ? 'clean' : null;
    const optionMatch = /^<!-- options: (.*) -->$/.exec(line);
    if (optionMatch?.[1]) options = JSON.parse(optionMatch[1]) as unknown[];
    const fence = /^```(ts|tsx|js|jsx)$/.exec(line);
    if (fence?.[1]) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end] !== '```') end++;
      const code = lines.slice(start, end).join('\n');
      const first = lines[start] ?? '';
      const expectation = first.startsWith('// ✅') ? 'clean' : first.startsWith('// ❌') ? 'report' : heading;
      if (expectation) examples.push({ code, line: start + 1, expect: expectation, options, lang: fence[1] });
      options = [];
      i = end;
    }
  }
  return examples;
}
