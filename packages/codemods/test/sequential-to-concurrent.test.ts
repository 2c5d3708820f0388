import { ParseError, planOf } from '@asyncwise/analysis';
import { describe, expect, it } from 'vitest';
import { applyPlans } from '../src/apply-plans';
import { NotConvergingError, OptionError, OutputParseError } from '../src/errors';
import transform, { run } from '../src/transforms/sequential-to-concurrent';

const threeFetches = `async function load(id: string) {
  const user = await getUser(id);
  const posts = await getPosts(id);
  const settings = await getSettings(id);
  return { user, posts, settings };
}
`;

const withAudit = `async function save(id: string, item: Item, summary: Summary) {
  const entry = await audit.record('save', id);
  const stored = await store.put(item);
  const indexed = await index.update(summary);
  return { entry, stored, indexed };
}
`;

describe('levels', () => {
  it('applies nothing by default and lists the review change', () => {
    const result = run(threeFetches, 'load.ts');
    expect(result.output).toBe(threeFetches);
    expect(result.changes).toEqual([
      {
        line: 2,
        column: 3,
        level: 'review',
        description: '3 awaits → Promise.all: getUser(), getPosts(), getSettings()',
        applied: false,
      },
    ]);
    expect(result.refusals).toEqual([]);
  });

  it('applies review changes at level review', () => {
    const result = run(threeFetches, 'load.ts', { level: 'review' });
    expect(result.output).toBe(`async function load(id: string) {
  const [user, posts, settings] = await Promise.all([
    getUser(id),
    getPosts(id),
    getSettings(id),
  ]);
  return { user, posts, settings };
}
`);
    expect(result.changes.map((c) => [c.line, c.column, c.applied])).toEqual([[2, 3, true]]);
  });

  it('reports refusals with their reason and position, changing nothing', () => {
    const source = `async function f(api: Api) {
  let total = 0;
  const user: User = await api.getUser();
  const posts = await api.getPosts();
}
`;
    const result = run(source, 'f.ts', { level: 'review' });
    expect(result.output).toBe(source);
    expect(result.changes).toEqual([]);
    expect(result.refusals.map((r) => [r.line, r.column, r.reason])).toEqual([[3, 3, 'partial-type-annotations']]);
    expect(result.refusals[0]?.message).toContain('type annotations');
  });

  it('reports nested runs where the user wrote them', () => {
    const source = `async function load(id: string) {
  const profile = await retry(async () => {
    const user = await getUser(id);
    const posts = await getPosts(id);
    return { user, posts };
  });
  const settings = await getSettings(id);
  return { profile, settings };
}
`;
    const listed = run(source, 'nested.ts');
    const applied = run(source, 'nested.ts', { level: 'review' });
    const where = (r: typeof listed) => r.changes.map((c) => `${c.line}:${c.column} ${c.applied}`);
    expect(where(listed)).toEqual(['2:3 false', '3:5 false']);
    expect(where(applied)).toEqual(['2:3 true', '3:5 true']);
    expect(applied.output).toContain('const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);');
    expect(applied.output).toContain('const [profile, settings] = await Promise.all([\n    retry(async () => {');
  });
});

describe('options', () => {
  it('keeps ignored callees in order', () => {
    expect(run(withAudit, 'save.ts', { level: 'review' }).output).toContain(
      "  const [entry, stored, indexed] = await Promise.all([\n    audit.record('save', id),\n",
    );
    const ignored = run(withAudit, 'save.ts', { level: 'review', ignore: ['audit.*'] });
    expect(ignored.output).toContain(
      "  const entry = await audit.record('save', id);\n  const [stored, indexed] = await Promise.all([\n    store.put(item),\n",
    );
  });

  it('needs minRun awaits for a run', () => {
    const twoAwaits = 'async function f() {\n  const a = await x();\n  const b = await y();\n}\n';
    expect(run(twoAwaits, 'f.ts', { level: 'review', minRun: 3 }).changes).toEqual([]);
    expect(run(threeFetches, 'load.ts', { level: 'review', minRun: 3 }).changes).toHaveLength(1);
    expect(run(threeFetches, 'load.ts', { level: 'review', minRun: 4 }).output).toBe(threeFetches);
  });

  it('leaves bare awaits in order unless includeBareAwaits', () => {
    const source = 'async function f() {\n  await mkdir(dir);\n  await writeFile(file, text);\n}\n';
    const kept = run(source, 'f.ts', { level: 'review' });
    expect(kept.output).toBe(source);
    expect(kept.changes).toEqual([]);
    expect(run(source, 'f.ts', { level: 'review', includeBareAwaits: true }).output).toBe(
      'async function f() {\n  await Promise.all([mkdir(dir), writeFile(file, text)]);\n}\n',
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = threeFetches.replace(/\n/g, '\r\n');
    const output = run(crlf, 'load.ts', { level: 'review' }).output;
    expect(output).toContain('Promise.all([\r\n    getUser(id),\r\n');
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('errors', () => {
  it('throws a positioned ParseError for input that does not parse', () => {
    const broken = 'async function f() {\n  const a = await ;\n}\n';
    expect(() => run(broken, 'broken.ts')).toThrow(ParseError);
    try {
      run(broken, 'broken.ts');
    } catch (error) {
      expect(error).toMatchObject({ filePath: 'broken.ts', line: 2, column: 19 });
    }
  });

  it('throws OutputParseError when a rewrite would not parse', () => {
    const plan = planOf('review', [{ range: [0, 5], text: 'const (' }]);
    expect(() => applyPlans('const a = 1;\n', 'x.ts', 'review', () => [{ start: 0, description: 'bad', plan }])).toThrow(
      OutputParseError,
    );
  });

  it('gives up on rewrites that never settle', () => {
    const grow = () => [{ start: 0, description: 'grow', plan: planOf('safe', [{ range: [0, 0], text: ';' }]) }];
    expect(() => applyPlans('a();\n', 'x.ts', 'safe', grow)).toThrow(NotConvergingError);
  });
});

describe('nesting and positions', () => {
  /** A run whose first operation takes a callback holding the next deeper run, `depth` levels down. */
  function nested(depth: number): string {
    let body = '    const x0 = await p0();\n    const y0 = await q0();\n    return [x0, y0];';
    for (let d = 1; d <= depth; d++) {
      const inner = body.replace(/^/gm, '  ');
      body = `    const x${d} = await p${d}(async () => {\n${inner}\n    });\n    const y${d} = await q${d}();\n    return [x${d}, y${d}];`;
    }
    return `export async function f() {\n${body.replace(/^ {2}/gm, '')}\n}\n`;
  }

  it('settles nested runs however deep they go, each reported where the user wrote it', () => {
    const source = nested(12);
    const result = run(source, 'deep.ts', { level: 'review' });
    expect(result.changes).toHaveLength(13);
    expect(result.changes.every((c) => c.applied)).toBe(true);
    const lines = source.split('\n');
    for (const change of result.changes) expect(lines[change.line - 1]?.trimStart()).toMatch(/^const x\d+ = await p\d+\(/);
    expect(result.output).not.toMatch(/const x\d+ = await/);
    expect(run(result.output, 'deep.ts', { level: 'review' }).output).toBe(result.output);
  });

  it('maps positions back through many rewrites in one pass', () => {
    const functions = Array.from({ length: 50 }, (_, i) => `async function f${i}() {\n  const a = await a${i}();\n  const b = await b${i}();\n  return [a, b];\n}\n`);
    const result = run(functions.join(''), 'many.ts', { level: 'review' });
    expect(result.changes.map((c) => c.line)).toEqual(functions.map((_, i) => i * 5 + 2));
  });
});

describe('source type', () => {
  const scriptShaped = 'let a, b;\nasync function f() {\n  a = await getA();\n  b = await getB();\n}\n';

  it('reads a .js file as ESLint does by default (a module), or as the project says', () => {
    expect(run(scriptShaped, 'f.js', { level: 'review' }).output).toContain('Promise.all');
    // In a script, `a` and `b` are globals other scripts can read: the writes must stay in order.
    expect(run(scriptShaped, 'f.js', { level: 'review', sourceType: 'script' }).output).toBe(scriptShaped);
    expect(transform({ path: 'f.js', source: scriptShaped }, {}, { level: 'review', 'source-type': 'script' })).toBeUndefined();
    expect(() => transform({ path: 'f.js', source: scriptShaped }, {}, { sourceType: 'esm' })).toThrow('expected module, commonjs, script');
  });
});

describe('jscodeshift entry', () => {
  const file = { path: 'save.ts', source: withAudit };

  it('returns undefined when nothing changes, including at the default level', () => {
    expect(transform(file, {}, {})).toBeUndefined();
    expect(transform({ path: 'x.ts', source: 'const a = 1;\n' }, {}, { level: 'review' })).toBeUndefined();
  });

  it('reads options as jscodeshift passes them: strings, comma lists, JSON numbers, dashed names', () => {
    expect(transform(file, {}, { level: 'review' })).toBe(run(withAudit, 'save.ts', { level: 'review' }).output);
    expect(transform(file, {}, { level: 'review', ignore: 'logger.*,audit.*' })).toBe(
      run(withAudit, 'save.ts', { level: 'review', ignore: ['audit.*'] }).output,
    );
    expect(transform(file, {}, { level: 'review', ignore: ['logger.*', '{audit,metrics}.*'] })).toBe(
      run(withAudit, 'save.ts', { level: 'review', ignore: ['audit.*'] }).output,
    );
    expect(transform(file, {}, { level: 'review', 'min-run': 4 })).toBeUndefined();
    expect(transform(file, {}, { level: 'review', minRun: '3' })).toBeDefined();
    const bare = { path: 'f.ts', source: 'async function f() {\n  await a();\n  await b();\n}\n' };
    expect(transform(bare, {}, { level: 'review' })).toBeUndefined();
    expect(transform(bare, {}, { level: 'review', 'include-bare-awaits': true })).toContain('Promise.all');
    expect(transform(bare, {}, { level: 'review', includeBareAwaits: 'true' })).toContain('Promise.all');
  });

  it('rejects option values it cannot use, naming what it expects', () => {
    expect(() => transform(file, {}, { level: 'everything' })).toThrow(OptionError);
    expect(() => transform(file, {}, { level: 'everything' })).toThrow('expected safe or review');
    expect(() => transform(file, {}, { minRun: 1 })).toThrow('at least 2');
    expect(() => transform(file, {}, { ignore: 3 })).toThrow(OptionError);
    expect(() => transform(file, {}, { includeBareAwaits: 'sometimes' })).toThrow('expected true or false');
  });

  it('throws for input that does not parse', () => {
    expect(() => transform({ path: 'broken.ts', source: 'const = ;' }, {}, {})).toThrow(ParseError);
  });
});
