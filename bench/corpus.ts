/**
 * A deterministic generator of a realistic TypeScript code base for `pnpm bench`.
 *
 * Same seed and count, same bytes: a seeded PRNG (mulberry32) drives every choice, never
 * `Math.random`. The files read like an application's: services, repositories, controllers,
 * background jobs, API clients, models, utilities and React-style components (~10% `.tsx`), with
 * imports, interfaces, generics, enums, classes, async functions that await independent and
 * dependent calls in sequence, loops, `for await`, try/catch/finally, promise chains and comments.
 * Each file has 50–400 lines. Nothing is type-checked or resolved: imports point at plausible
 * paths, so parse and lint time is what the benchmark measures.
 *
 * Usage: node --import tsx bench/corpus.ts [--count 1200] [--seed 42] [--out bench/.corpus]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusOptions {
  /** Where the files go; emptied first. */
  readonly outDir: string;
  /** How many files (at least 1). */
  readonly count?: number;
  readonly seed?: number;
}

export interface CorpusSummary {
  readonly outDir: string;
  readonly count: number;
  readonly seed: number;
  readonly generatorVersion: number;
  readonly files: number;
  readonly tsxFiles: number;
  readonly lines: number;
  readonly bytes: number;
}

/** Bumped whenever the generator's output changes, so a stale corpus on disk is regenerated. */
export const generatorVersion = 3;
export const defaultCount = 1200;
export const defaultSeed = 42;
export const defaultCorpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '.corpus');

const MIN_LINES = 50;
const MAX_LINES = 400;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast, seedable 32-bit PRNG. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }

  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return (entries[entries.length - 1] as [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const entities = [
  'User', 'Order', 'Invoice', 'Product', 'Shipment', 'Customer', 'Payment', 'Ticket', 'Project',
  'Team', 'Comment', 'Review', 'Subscription', 'Report', 'Session', 'Notification', 'Warehouse',
  'Supplier', 'Coupon', 'Cart', 'Account', 'Address', 'Document', 'Folder', 'Message', 'Channel',
  'Event', 'Booking', 'Vehicle', 'Driver', 'Course', 'Lesson', 'Student', 'Playlist', 'Track',
  'Article', 'Author', 'Tag', 'Webhook', 'Integration', 'Refund', 'Quote', 'Contract', 'Asset',
] as const;

const domains = [
  'billing', 'catalog', 'shipping', 'identity', 'support', 'projects', 'messaging', 'analytics',
  'scheduling', 'content', 'fleet', 'learning', 'media', 'search', 'admin', 'inventory',
] as const;

const statuses = ['Pending', 'Active', 'Suspended', 'Archived', 'Failed', 'Completed', 'Draft', 'Cancelled'];

const fieldPool: readonly (readonly [string, string])[] = [
  ['name', 'string'],
  ['title', 'string'],
  ['email', 'string'],
  ['slug', 'string'],
  ['description', 'string | null'],
  ['amount', 'number'],
  ['currency', 'string'],
  ['priority', 'number'],
  ['ownerId', 'string'],
  ['tags', 'string[]'],
  ['metadata', 'Record<string, unknown>'],
  ['isActive', 'boolean'],
  ['version', 'number'],
  ['count', 'number'],
  ['externalRef', 'string | undefined'],
  ['expiresAt', 'Date | null'],
  ['region', "'eu' | 'us' | 'apac'"],
  ['score', 'number'],
];

const verbsRead = ['find', 'get', 'load', 'fetch', 'lookup'];
const clientNames = ['repo', 'http', 'cache', 'search', 'billing', 'storage', 'audit', 'queue', 'mailer', 'metrics'];
const reasons = [
  'keeps the read path cheap for the dashboard',
  'the upstream API is rate limited per tenant',
  'legacy clients still send the old shape',
  'see the incident review from last quarter',
  'this runs on every request, keep it lean',
  'ordering matters for the audit trail',
  'values are cached for five minutes upstream',
  'the mobile app relies on this exact response',
];

// ---------------------------------------------------------------------------------------------
// Text helpers

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function plural(s: string): string {
  if (/(s|x|ch|sh)$/.test(s)) return `${s}es`;
  if (/[^aeiou]y$/.test(s)) return `${s.slice(0, -1)}ies`;
  return `${s}s`;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'An' : 'A';
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Lines with indentation, two spaces a level. */
class Writer {
  readonly lines: string[] = [];
  private depth = 0;

  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  open(text: string): this {
    this.line(text);
    this.depth++;
    return this;
  }

  close(text = '}'): this {
    this.depth = Math.max(0, this.depth - 1);
    return this.line(text);
  }

  /** Closes a block and opens the next at the same depth: `} else {`, `} catch (error) {`. */
  reopen(text: string): this {
    this.depth = Math.max(0, this.depth - 1);
    this.line(text);
    this.depth++;
    return this;
  }

  /** Appends another writer's lines at this writer's depth. */
  append(other: Writer): this {
    for (const l of other.lines) this.lines.push(l === '' ? '' : '  '.repeat(this.depth) + l);
    return this;
  }

  get length(): number {
    return this.lines.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Per-file context

type Kind = 'service' | 'repository' | 'controller' | 'job' | 'client' | 'model' | 'utility' | 'component';

interface FileContext {
  readonly rng: Rng;
  readonly kind: Kind;
  readonly domain: string;
  readonly entity: string;
  readonly related: readonly string[];
  /** `this.` inside classes, nothing in module functions. */
  readonly self: string;
  /** Interfaces and types the sections asked for, emitted once after the imports. */
  readonly decls: Map<string, string[]>;
  readonly imports: Map<string, Set<string>>;
  readonly typeImports: Map<string, Set<string>>;
  /** Method/function names already used in this file. */
  readonly usedNames: Set<string>;
  /** Clients the sections called through `this.`, declared as class fields. */
  readonly usedClients: Set<string>;
  /** Import path prefixes from this file's folder: to `src/lib/`, and to its domain's models. */
  readonly libPrefix: string;
  readonly modelPrefix: string;
}

function addImport(ctx: FileContext, from: string, name: string, typeOnly = false): void {
  const map = typeOnly ? ctx.typeImports : ctx.imports;
  let names = map.get(from);
  if (!names) {
    names = new Set();
    map.set(from, names);
  }
  names.add(name);
}

function uniqueName(ctx: FileContext, base: string): string {
  let name = base;
  for (let i = 2; ctx.usedNames.has(name); i++) name = `${base}${i}`;
  ctx.usedNames.add(name);
  return name;
}

/** Declares `interface <Entity>` with a few fields, once per file. */
function entityInterface(ctx: FileContext, entity: string): string {
  if (ctx.decls.has(entity)) return entity;
  if (entity !== ctx.entity && ctx.rng.chance(0.8)) {
    addImport(ctx, `${ctx.modelPrefix}${kebab(entity)}.model`, entity, true);
    ctx.decls.set(entity, []);
    return entity;
  }
  const fields = ctx.rng.sample(fieldPool, ctx.rng.int(3, 7));
  const w = new Writer();
  if (ctx.rng.chance(0.5)) w.line(`/** ${article(entity)} ${lowerFirst(entity)} as stored; dates are UTC. */`);
  w.open(`export interface ${entity} {`);
  w.line('readonly id: string;');
  for (const [name, type] of fields) w.line(`${name}${type.includes('undefined') ? '?' : ''}: ${type};`);
  w.line('createdAt: Date;');
  w.line('updatedAt: Date;');
  w.close();
  ctx.decls.set(entity, w.lines);
  return entity;
}

function statusEnum(ctx: FileContext): string {
  const name = `${ctx.entity}Status`;
  if (ctx.decls.has(name)) return name;
  const w = new Writer();
  const values = ctx.rng.sample(statuses, ctx.rng.int(3, 5));
  w.open(`export enum ${name} {`);
  for (const v of values) w.line(`${v} = '${v.toLowerCase()}',`);
  w.close();
  ctx.decls.set(name, w.lines);
  return name;
}

function errorClass(ctx: FileContext): string {
  const name = `${ctx.entity}Error`;
  if (ctx.decls.has(name)) return name;
  ctx.decls.set(name, [
    `export class ${name} extends Error {`,
    '  constructor(',
    '    message: string,',
    '    readonly code: string,',
    '    readonly cause?: unknown,',
    '  ) {',
    '    super(message);',
    `    this.name = '${name}';`,
    '  }',
    '}',
  ]);
  return name;
}

/** A receiver for a client: `this.repo` in classes, `repo` in module functions. */
function client(ctx: FileContext, name: string): string {
  ctx.usedClients.add(name);
  return `${ctx.self}${name}`;
}

/** One independent lookup keyed on `key`: `const orders = await this.repo.findOrdersByUser(userId);` */
interface Lookup {
  readonly target: string;
  readonly call: string;
  readonly type: string;
}

function lookupFor(ctx: FileContext, related: string, key: string, keyOwner: string): Lookup {
  const { rng } = ctx;
  const many = rng.chance(0.5);
  const type = entityInterface(ctx, related);
  const c = client(ctx, rng.pick(['repo', 'http', 'cache', 'search', 'billing', 'storage']));
  const verb = rng.pick(verbsRead);
  if (many) {
    return {
      target: lowerFirst(plural(related)),
      call: `${c}.${verb}${plural(related)}By${keyOwner}(${key})`,
      type: `${type}[]`,
    };
  }
  return { target: lowerFirst(related), call: `${c}.${verb}${related}For${keyOwner}(${key})`, type };
}

function comment(ctx: FileContext, w: Writer): void {
  const { rng } = ctx;
  const roll = rng.next();
  if (roll < 0.5) w.line(`// ${rng.pick(reasons).replace(/^./, (c) => c.toUpperCase())}.`);
  else if (roll < 0.7) w.line(`/* ${rng.pick(reasons)} */`);
  else w.line(`// TODO(${rng.pick(['ana', 'kim', 'raj', 'lee', 'sam'])}): ${rng.pick(reasons)}`);
}

function signature(ctx: FileContext, name: string, params: string, returns: string, isAsync = true): string {
  const prefix = ctx.self ? (ctx.rng.chance(0.15) ? 'private ' : '') : 'export ';
  const fn = ctx.self ? '' : 'function ';
  return `${prefix}${isAsync ? 'async ' : ''}${fn}${name}(${params}): ${returns} {`;
}

// ---------------------------------------------------------------------------------------------
// Sections: each writes one function or method

/** What a section is about: mostly the file's own entity, often a related one. */
function subjectOf(ctx: FileContext): string {
  return ctx.rng.chance(0.55) ? ctx.entity : ctx.rng.pick(ctx.related);
}

/**
 * The entities related to a section's subject: never the subject itself, since a section names its
 * locals after them (`const order = …; const order = …` is a redeclaration TypeScript and oxlint reject).
 * When the subject is one of the file's related entities, the file's own entity takes its place.
 */
function relatedTo(ctx: FileContext, subject: string): readonly string[] {
  return subject === ctx.entity ? ctx.related : [ctx.entity, ...ctx.related.filter((r) => r !== subject)];
}

type Section = (ctx: FileContext, w: Writer) => void;

/** Independent awaits in a row, optionally after a lookup they all key on. */
const independentRun: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const type = entityInterface(ctx, entity);
  const keyed = rng.chance(0.5);
  const k = rng.int(2, 4);
  const annotated = rng.chance(0.3);
  const kind = rng.chance(0.85) ? 'const' : 'let';
  const related = rng.sample(relatedTo(ctx, entity), k);
  const name = uniqueName(ctx, rng.pick(['load', 'get', 'build', 'assemble']) + `${entity}${rng.pick(['Overview', 'Details', 'Summary', 'View', 'Page'])}`);
  if (rng.chance(0.6)) w.line(`/** ${rng.pick(['Everything', 'What'])} the ${e} page needs; ${rng.pick(reasons)}. */`);
  w.open(signature(ctx, name, `${e}Id: string`, 'Promise<Record<string, unknown>>'));
  let key = `${e}Id`;
  if (keyed) {
    w.line(`const ${e}: ${type} = await ${client(ctx, 'repo')}.get${entity}(${e}Id);`);
    key = `${e}.id`;
  }
  const lookups = related.map((r) => lookupFor(ctx, r, key, entity));
  lookups.forEach((l, i) => {
    if (i > 0 && rng.chance(0.2)) comment(ctx, w);
    const destructure = !annotated && rng.chance(0.15) && !l.type.endsWith('[]');
    const target = destructure ? `{ id: ${l.target}Id, ...${l.target} }` : l.target;
    const trailing = rng.chance(0.1) ? ` // ${rng.pick(reasons)}` : '';
    w.line(`${kind} ${target}${annotated ? `: ${l.type}` : ''} = await ${l.call};${trailing}`);
    if (destructure) (l as { target: string }).target = `${l.target}, ${l.target}Id`;
  });
  if (rng.chance(0.3)) w.line(`${ctx.self ? 'this.' : ''}logger.debug('${name}', { ${key.replace('.', '_')}: ${key} });`);
  w.line(`return { ${keyed ? `${e}, ` : ''}${lookups.map((l) => l.target).join(', ')} };`);
  w.close();
};

/** Each await needs the previous result: nothing to run concurrently. */
const dependentChain: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const [a, b] = rng.sample(relatedTo(ctx, entity), 2) as [string, string];
  const ta = entityInterface(ctx, a);
  const tb = entityInterface(ctx, b);
  const name = uniqueName(ctx, `resolve${b}For${entity}`);
  w.open(signature(ctx, name, `${e}Id: string`, `Promise<${tb} | null>`));
  w.line(`const ${e} = await ${client(ctx, 'repo')}.get${entity}(${e}Id);`);
  w.line(`const ${lowerFirst(a)}: ${ta} | undefined = await ${client(ctx, 'http')}.${rng.pick(verbsRead)}${a}(${e}.ownerId ?? ${e}.id);`);
  w.open(`if (!${lowerFirst(a)}) {`);
  w.line('return null;');
  w.close();
  w.line(`const ${lowerFirst(b)} = await ${client(ctx, 'repo')}.${rng.pick(verbsRead)}${b}(${lowerFirst(a)}.id, { include: ['${lowerFirst(entity)}'] });`);
  w.line(`return ${lowerFirst(b)};`);
  w.close();
};

/** Awaits behind conditions and in both branches of an `if`. */
const conditionalAwaits: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const r = rng.pick(ctx.related);
  const tr = entityInterface(ctx, r);
  const name = uniqueName(ctx, `refresh${entity}`);
  w.open(signature(ctx, name, `${e}Id: string, options: { force?: boolean; includeArchived?: boolean } = {}`, `Promise<${tr}[]>`));
  w.line(`let items: ${tr}[] = [];`);
  w.open('if (options.force) {');
  w.line(`await ${client(ctx, 'cache')}.delete(\`${kebab(entity)}:\${${e}Id}\`);`);
  w.line(`items = await ${client(ctx, 'repo')}.list${plural(r)}(${e}Id);`);
  w.reopen('} else {');
  w.line(`const cached = await ${client(ctx, 'cache')}.get<${tr}[]>(\`${kebab(entity)}:\${${e}Id}\`);`);
  w.line(`items = cached ?? (await ${client(ctx, 'repo')}.list${plural(r)}(${e}Id));`);
  w.close();
  w.open('if (options.includeArchived) {');
  w.line(`const archived = await ${client(ctx, 'storage')}.listArchived${plural(r)}(${e}Id);`);
  w.line('items = [...items, ...archived];');
  w.close();
  w.line(`return items.filter((item) => item.id !== '');`);
  w.close();
};

/** A sequential loop: the kind `no-await-in-loop` is about. */
const loopAwaits: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, `sync${plural(entity)}`);
  w.open(signature(ctx, name, 'ids: readonly string[]', `Promise<Map<string, ${type}>>`));
  w.line(`const result = new Map<string, ${type}>();`);
  if (rng.chance(0.5)) {
    w.open('for (const id of ids) {');
    w.line(`const ${e} = await ${client(ctx, 'repo')}.get${entity}(id);`);
    w.open(`if (${e}.version > ${rng.int(1, 5)}) {`);
    w.line(`await ${client(ctx, 'queue')}.publish('${kebab(entity)}.changed', { id });`);
    w.close();
    w.line(`result.set(id, ${e});`);
    w.close();
  } else {
    const size = rng.pick([10, 25, 50, 100]);
    w.open(`for (let i = 0; i < ids.length; i += ${size}) {`);
    w.line(`const batch = ids.slice(i, i + ${size});`);
    w.line(`const rows = await ${client(ctx, 'repo')}.get${plural(entity)}(batch);`);
    w.open('for (const row of rows) {');
    w.line('result.set(row.id, row);');
    w.close();
    w.close();
  }
  w.line('return result;');
  w.close();
};

/** `for await` over a paginated stream. */
const forAwaitStream: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, `export${plural(entity)}`);
  w.open(signature(ctx, name, `sink: { write(row: ${type}): Promise<void> }, since: Date`, 'Promise<number>'));
  w.line('let written = 0;');
  w.open(`for await (const page of ${client(ctx, 'http')}.paginate<${type}>('/${kebab(plural(entity))}', { since: since.toISOString() })) {`);
  w.open('for (const row of page.items) {');
  if (rng.chance(0.5)) w.line('// Rows must be written in order: the sink appends.');
  w.line('await sink.write(row);');
  w.line('written += 1;');
  w.close();
  w.close();
  w.line('return written;');
  w.close();
};

/** Awaits inside try/catch/finally, with error wrapping and cleanup. */
const tryCatchFinally: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const err = errorClass(ctx);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, rng.pick(['save', 'update', 'archive', 'publish']) + entity);
  w.open(signature(ctx, name, `input: Partial<${type}> & { id: string }`, `Promise<${type}>`));
  w.line(`const lock = await ${client(ctx, 'cache')}.acquireLock(\`${kebab(entity)}:\${input.id}\`, { ttlMs: ${rng.pick([5000, 10000, 30000])} });`);
  w.line(`const started = performance.now();`);
  w.open('try {');
  w.line(`const current = await ${client(ctx, 'repo')}.get${entity}(input.id);`);
  w.line(`const next: ${type} = { ...current, ...input, updatedAt: new Date() };`);
  w.line(`const saved = await ${client(ctx, 'repo')}.put${entity}(next, { expectedVersion: current.version });`);
  if (rng.chance(0.5)) w.line(`await ${client(ctx, 'audit')}.record('${kebab(entity)}.updated', saved.id);`);
  w.line('return saved;');
  w.reopen('} catch (error) {');
  w.open(`if (error instanceof ${err}) {`);
  w.line('throw error;');
  w.close();
  w.line(`throw new ${err}(\`Could not save ${e} \${input.id}\`, 'SAVE_FAILED', error);`);
  w.reopen('} finally {');
  w.line('await lock.release();');
  w.line(`${client(ctx, 'metrics')}.timing('${kebab(entity)}.save', performance.now() - started);`);
  w.close();
  w.close();
};

/** A promise chain, the pre-async/await style. */
const promiseChain: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, `fetch${plural(entity)}Page`);
  w.open(signature(ctx, name, 'page = 1, pageSize = 20', `Promise<{ items: ${type}[]; total: number }>`, false));
  w.line(`return ${client(ctx, 'http')}`);
  w.line(`  .get(\`/${kebab(plural(entity))}?page=\${page}&size=\${pageSize}\`)`);
  w.line('  .then((response) => {');
  w.line('    if (!response.ok) throw new Error(`HTTP ${response.status}`);');
  w.line('    return response.json() as Promise<{ items: ' + type + '[]; total: number }>;');
  w.line('  })');
  if (rng.chance(0.5)) w.line(`  .then((body) => ({ ...body, items: body.items.filter((item) => item.id !== '') }))`);
  w.line('  .catch((error: unknown) => {');
  w.line(`    ${client(ctx, 'logger')}.warn('${name} failed', { error, page });`);
  w.line('    return { items: [], total: 0 };');
  w.line('  })');
  w.line(`  .finally(() => ${client(ctx, 'metrics')}.increment('${kebab(entity)}.page'));`);
  w.close();
};

/** Retry with exponential backoff: sequential on purpose. */
const retryLoop: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, `deliver${entity}`);
  addImport(ctx, 'node:timers/promises', 'setTimeout as sleep');
  w.open(signature(ctx, name, `${lowerFirst(entity)}: ${type}, attempts = ${rng.int(3, 6)}`, 'Promise<void>'));
  w.line('let lastError: unknown;');
  w.open('for (let attempt = 0; attempt < attempts; attempt++) {');
  w.open('try {');
  w.line(`await ${client(ctx, 'http')}.post('/hooks/${kebab(entity)}', ${lowerFirst(entity)});`);
  w.line('return;');
  w.reopen('} catch (error) {');
  w.line('lastError = error;');
  w.line(`await sleep(${rng.pick([50, 100, 250])} * 2 ** attempt);`);
  w.close();
  w.close();
  w.line('throw lastError;');
  w.close();
};

/** Cursor pagination: each request needs the previous cursor. */
const paginationLoop: Section = (ctx, w) => {
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, `listAll${plural(entity)}`);
  w.open(signature(ctx, name, 'filter: Record<string, string> = {}', `Promise<${type}[]>`));
  w.line(`const all: ${type}[] = [];`);
  w.line('let cursor: string | null = null;');
  w.open('do {');
  w.line(`const page: { items: ${type}[]; next: string | null } = await ${client(ctx, 'http')}.list('/${kebab(plural(entity))}', { ...filter, cursor });`);
  w.line('all.push(...page.items);');
  w.line('cursor = page.next;');
  w.close('} while (cursor !== null);');
  w.line('return all;');
  w.close();
};

/** Polling until a job finishes. */
const pollingLoop: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  addImport(ctx, 'node:timers/promises', 'setTimeout as sleep');
  const name = uniqueName(ctx, `waitFor${entity}Export`);
  w.open(signature(ctx, name, `jobId: string, { intervalMs = ${rng.pick([250, 500, 1000])}, timeoutMs = 60_000 } = {}`, 'Promise<string>'));
  w.line('const deadline = Date.now() + timeoutMs;');
  w.open('while (Date.now() < deadline) {');
  w.line(`const job = await ${client(ctx, 'http')}.getJob(jobId);`);
  w.open("if (job.state === 'done') {");
  w.line('return job.resultUrl;');
  w.close();
  w.open("if (job.state === 'failed') {");
  w.line('throw new Error(`Export ${jobId} failed: ${job.error}`);');
  w.close();
  w.line('await sleep(intervalMs);');
  w.close();
  w.line('throw new Error(`Export ${jobId} timed out after ${timeoutMs} ms`);');
  w.close();
};

/** Independent bare awaits: invalidations and notifications whose results are not used. */
const bareAwaitRun: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const name = uniqueName(ctx, `on${entity}Changed`);
  w.open(signature(ctx, name, `${e}Id: string`, 'Promise<void>'));
  const calls = rng.sample(
    [
      `${client(ctx, 'cache')}.delete(\`${kebab(entity)}:\${${e}Id}\`)`,
      `${client(ctx, 'search')}.reindex('${kebab(plural(entity))}', ${e}Id)`,
      `${client(ctx, 'queue')}.publish('${kebab(entity)}.changed', { id: ${e}Id })`,
      `${client(ctx, 'storage')}.invalidateThumbnails(${e}Id)`,
    ],
    rng.int(2, 3),
  );
  if (rng.chance(0.3)) comment(ctx, w);
  for (const c of calls) w.line(`await ${c};`);
  w.close();
};

/** Already concurrent: nothing to report. */
const alreadyConcurrent: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const e = lowerFirst(entity);
  const [a, b] = rng.sample(ctx.related, 2) as [string, string];
  entityInterface(ctx, a);
  entityInterface(ctx, b);
  const name = uniqueName(ctx, `prefetch${entity}`);
  w.open(signature(ctx, name, `${e}Id: string`, 'Promise<void>'));
  w.line(`const [${lowerFirst(plural(a))}, ${lowerFirst(plural(b))}] = await Promise.all([`);
  w.line(`  ${client(ctx, 'repo')}.list${plural(a)}(${e}Id),`);
  w.line(`  ${client(ctx, 'repo')}.list${plural(b)}(${e}Id),`);
  w.line(']);');
  w.line(`${client(ctx, 'cacheWarm')}(${e}Id, { ${lowerFirst(plural(a))}, ${lowerFirst(plural(b))} });`);
  w.close();
};

/** A pure, synchronous helper with a switch over the status enum. */
const syncHelper: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const status = statusEnum(ctx);
  const name = uniqueName(ctx, `summarize${plural(entity)}`);
  w.open(signature(ctx, name, `items: readonly ${type}[], statusOf: (item: ${type}) => ${status}`, 'Record<string, number>', false));
  w.line('const counts: Record<string, number> = {};');
  w.open('for (const item of items) {');
  w.line('const status = statusOf(item);');
  w.open('switch (status) {');
  const values = (ctx.decls.get(status) ?? []).slice(1, -1).map((l) => l.trim().split(' ')[0] ?? 'Pending');
  for (const v of values.slice(0, 2)) {
    w.line(`case ${status}.${v}:`);
  }
  w.line(`  counts['open'] = (counts['open'] ?? 0) + 1;`);
  w.line('  break;');
  w.line('default:');
  w.line(`  counts[status] = (counts[status] ?? 0) + ${rng.pick(['1', '(item.id.length > 0 ? 1 : 0)'])};`);
  w.close();
  w.close();
  w.line('return counts;');
  w.close();
};

/** A generic, synchronous transformation. */
const genericHelper: Section = (ctx, w) => {
  const { rng } = ctx;
  const which = rng.int(0, 3);
  const exp = ctx.self ? (rng.chance(0.3) ? 'static ' : '') : 'export function ';
  if (which === 0) {
    const name = uniqueName(ctx, 'groupBy');
    w.open(`${exp}${name}<T, K extends PropertyKey>(items: readonly T[], keyOf: (item: T) => K): Record<K, T[]> {`);
    w.line('const groups = {} as Record<K, T[]>;');
    w.open('for (const item of items) {');
    w.line('const key = keyOf(item);');
    w.line('(groups[key] ??= []).push(item);');
    w.close();
    w.line('return groups;');
    w.close();
  } else if (which === 1) {
    const name = uniqueName(ctx, 'chunk');
    w.open(`${exp}${name}<T>(items: readonly T[], size: number): T[][] {`);
    w.line("if (size < 1) throw new RangeError('size must be at least 1');");
    w.line('const out: T[][] = [];');
    w.line('for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));');
    w.line('return out;');
    w.close();
  } else if (which === 2) {
    const name = uniqueName(ctx, 'pick');
    w.open(`${exp}${name}<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {`);
    w.line('const out = {} as Pick<T, K>;');
    w.line('for (const key of keys) out[key] = source[key];');
    w.line('return out;');
    w.close();
  } else {
    const name = uniqueName(ctx, 'formatMoney');
    w.open(`${exp}${name}(amount: number, currency = '${rng.pick(['EUR', 'USD', 'GBP'])}', locale = 'en-US'): string {`);
    w.line("return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);");
    w.close();
  }
};

/** `this.x = await …` assignments: independent ones form a run; ones that read `this` do not. */
const memberAssignments: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  // The class declares fields for its first two related entities.
  const [a, b] = ctx.related as [string, string];
  entityInterface(ctx, a);
  entityInterface(ctx, b);
  const name = uniqueName(ctx, `hydrate${entity}`);
  w.open(signature(ctx, name, 'id: string', 'Promise<void>'));
  if (rng.chance(0.6)) {
    w.line(`const { repo, http } = this.clients;`);
    w.line(`this.${lowerFirst(a)} = await repo.${rng.pick(verbsRead)}${a}(id);`);
    if (rng.chance(0.3)) comment(ctx, w);
    w.line(`this.${lowerFirst(b)} = await http.${rng.pick(verbsRead)}${b}(id);`);
  } else {
    w.line(`this.${lowerFirst(a)} = await this.clients.repo.${rng.pick(verbsRead)}${a}(id);`);
    w.line(`this.${lowerFirst(b)} = await this.clients.http.${rng.pick(verbsRead)}${b}(this.${lowerFirst(a)}?.id ?? id);`);
  }
  w.line('this.loadedAt = Date.now();');
  w.close();
};

/** A database transaction: ordered writes between begin and commit. */
const transaction: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const table = kebab(plural(entity)).replace(/-/g, '_');
  const name = uniqueName(ctx, `${rng.pick(['move', 'reassign', 'transfer', 'handOver'])}${plural(entity)}`);
  w.open(signature(ctx, name, `ids: readonly string[], ownerId: string`, 'Promise<number>'));
  w.line(`const tx = await ${client(ctx, 'db')}.begin();`);
  w.open('try {');
  w.line(`const rows = await tx.query<${type}>(\`SELECT * FROM ${table} WHERE id = ANY($1) FOR UPDATE\`, [ids]);`);
  w.line(`await tx.query(\`UPDATE ${table} SET owner_id = $1, updated_at = now() WHERE id = ANY($2)\`, [ownerId, ids]);`);
  if (rng.chance(0.6)) w.line(`await tx.query(\`INSERT INTO ${table}_history (${kebab(entity).replace(/-/g, '_')}_id, owner_id) SELECT unnest($1::text[]), $2\`, [ids, ownerId]);`);
  w.line('await tx.commit();');
  w.line('return rows.length;');
  w.reopen('} catch (error) {');
  w.line('await tx.rollback();');
  w.line('throw error;');
  w.reopen('} finally {');
  w.line('tx.release();');
  w.close();
  w.close();
};

/** Wrapping a callback/event API in a promise. */
const promiseWrapper: Section = (ctx, w) => {
  const entity = subjectOf(ctx);
  const name = uniqueName(ctx, `read${entity}Stream`);
  w.open(signature(ctx, name, 'stream: NodeJS.ReadableStream', 'Promise<string[]>', false));
  w.open('return new Promise<string[]>((resolve, reject) => {');
  w.line('const chunks: string[] = [];');
  w.line("stream.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));");
  w.line("stream.once('error', reject);");
  w.line("stream.once('end', () => resolve(chunks));");
  w.close('});');
  w.close();
};

/**
 * A callback-last function of the callback era (an error-first callback called once, a nested
 * `readFile` callback) and, in a module, a caller of it: what callback-to-async migrates.
 */
const callbackLast: Section = (ctx, w) => {
  const entity = subjectOf(ctx);
  const type = entityInterface(ctx, entity);
  const name = uniqueName(ctx, `read${entity}File`);
  addImport(ctx, 'node:fs', 'readFile');
  w.open(`${ctx.self ? '' : 'export function '}${name}(file: string, callback: (err: Error | null, value?: ${type}) => void) {`);
  w.line(`if (!file) return callback(new Error('no ${kebab(entity)} file'));`);
  w.open("readFile(file, 'utf8', (err, text) => {");
  w.line('if (err) return callback(err);');
  w.line(`callback(null, JSON.parse(text) as ${type});`);
  w.close('});');
  w.close();
  if (ctx.self) return;
  w.line();
  const caller = uniqueName(ctx, `print${entity}File`);
  w.open(`export ${ctx.rng.chance(0.5) ? 'async ' : ''}function ${caller}(file: string) {`);
  w.open(`${name}(file, (err, value) => {`);
  w.open('if (err) {');
  w.line('console.error(err);');
  w.line('return;');
  w.close();
  w.line('console.log(value);');
  w.close('});');
  w.close();
};

/** A switch whose cases each await and return. */
const switchAwaits: Section = (ctx, w) => {
  const { rng } = ctx;
  const entity = subjectOf(ctx);
  const status = statusEnum(ctx);
  const values = (ctx.decls.get(status) ?? []).slice(1, -1).map((l) => l.trim().split(' ')[0] ?? 'Pending');
  const name = uniqueName(ctx, `transition${entity}`);
  w.open(signature(ctx, name, `id: string, to: ${status}`, 'Promise<void>'));
  w.open('switch (to) {');
  for (const v of values.slice(0, rng.int(2, Math.max(2, values.length)))) {
    w.open(`case ${status}.${v}: {`);
    w.line(`await ${client(ctx, 'repo')}.set${entity}Status(id, to);`);
    w.line(`await ${client(ctx, 'queue')}.publish('${kebab(entity)}.${v.toLowerCase()}', { id });`);
    w.line('return;');
    w.close();
  }
  w.line('default:');
  w.line(`  throw new Error(\`Unsupported transition to \${to}\`);`);
  w.close();
  w.close();
};

const sectionWeights = {
  independentRun: 14,
  dependentChain: 8,
  conditionalAwaits: 6,
  loopAwaits: 6,
  forAwaitStream: 3,
  tryCatchFinally: 7,
  promiseChain: 5,
  retryLoop: 3,
  paginationLoop: 3,
  pollingLoop: 2,
  bareAwaitRun: 5,
  alreadyConcurrent: 4,
  syncHelper: 6,
  genericHelper: 5,
  transaction: 3,
  promiseWrapper: 2,
  switchAwaits: 3,
  callbackLast: 2,
} as const;

type SectionName = keyof typeof sectionWeights;

const sections: Record<SectionName, Section> = {
  callbackLast,
  independentRun,
  dependentChain,
  conditionalAwaits,
  loopAwaits,
  forAwaitStream,
  tryCatchFinally,
  promiseChain,
  retryLoop,
  paginationLoop,
  pollingLoop,
  bareAwaitRun,
  alreadyConcurrent,
  syncHelper,
  genericHelper,
  transaction,
  promiseWrapper,
  switchAwaits,
};

/** Which sections a kind of file is made of, by weight. */
const kindSections: Record<Exclude<Kind, 'component' | 'model'>, Partial<Record<SectionName, number>>> = {
  service: { ...sectionWeights, independentRun: 20, transaction: 0 },
  repository: { transaction: 10, loopAwaits: 6, tryCatchFinally: 6, dependentChain: 4, paginationLoop: 4, syncHelper: 4, independentRun: 5, alreadyConcurrent: 3, genericHelper: 3 },
  controller: { independentRun: 14, dependentChain: 8, conditionalAwaits: 8, tryCatchFinally: 6, switchAwaits: 4, bareAwaitRun: 4, syncHelper: 3 },
  job: { forAwaitStream: 8, pollingLoop: 6, retryLoop: 6, paginationLoop: 6, loopAwaits: 6, bareAwaitRun: 4, independentRun: 5, tryCatchFinally: 4, promiseWrapper: 3 },
  client: { promiseChain: 10, retryLoop: 6, paginationLoop: 5, promiseWrapper: 4, independentRun: 3, genericHelper: 3 },
  utility: { genericHelper: 12, syncHelper: 6, promiseWrapper: 4, retryLoop: 4, promiseChain: 3, independentRun: 2 },
};

// ---------------------------------------------------------------------------------------------
// Files

interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

function targetLines(rng: Rng): number {
  // Skewed towards short files, like a real code base: median around 110 lines, mean around 150.
  return MIN_LINES + Math.floor((MAX_LINES - MIN_LINES) * rng.next() ** 2.5);
}

function header(ctx: FileContext, w: Writer): void {
  const { rng } = ctx;
  if (rng.chance(0.4)) {
    w.line('/**');
    w.line(` * ${ctx.entity} ${ctx.kind} for the ${ctx.domain} domain.`);
    if (rng.chance(0.5)) w.line(` * Note: ${rng.pick(reasons)}.`);
    w.line(' */');
  } else if (rng.chance(0.3)) {
    w.line(`// Copyright ${rng.int(2019, 2025)} Example Corp. All rights reserved.`);
  }
}

function importsBlock(ctx: FileContext): string[] {
  const lines: string[] = [];
  const sortedFrom = [...new Set([...ctx.imports.keys(), ...ctx.typeImports.keys()])].sort((a, b) => {
    const rank = (s: string) => (s.startsWith('node:') ? 0 : s.startsWith('.') ? 2 : 1);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  for (const from of sortedFrom) {
    const values = ctx.imports.get(from);
    const types = ctx.typeImports.get(from);
    if (values && values.size > 0) lines.push(`import { ${[...values].sort().join(', ')} } from '${from}';`);
    if (types && types.size > 0) lines.push(`import type { ${[...types].sort().join(', ')} } from '${from}';`);
  }
  return lines;
}

function declsBlock(ctx: FileContext): string[] {
  const out: string[] = [];
  for (const lines of ctx.decls.values()) {
    if (lines.length === 0) continue;
    out.push(...lines, '');
  }
  return out;
}

function assemble(ctx: FileContext, head: Writer, body: Writer): string {
  const imports = importsBlock(ctx);
  const decls = declsBlock(ctx);
  const parts = [...head.lines, ...(imports.length > 0 ? [...imports, ''] : []), ...decls, ...body.lines];
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return `${parts.join('\n')}\n`;
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

/** The exact number of lines the file would have now. */
function estimateLines(ctx: FileContext, head: Writer, body: Writer): number {
  return lineCount(assemble(ctx, head, body));
}

function newContext(rng: Rng, kind: Kind, inClass: boolean): FileContext {
  const entity = rng.pick(entities);
  const domain = rng.pick(domains);
  // Files live in src/<domain>/, components in src/<domain>/components/, utilities in src/lib/.
  const prefixes =
    kind === 'component'
      ? { libPrefix: '../../lib/', modelPrefix: '../' }
      : kind === 'utility'
        ? { libPrefix: './', modelPrefix: `../${domain}/` }
        : { libPrefix: '../lib/', modelPrefix: './' };
  return {
    ...prefixes,
    rng,
    kind,
    domain,
    entity,
    related: rng.sample(
      entities.filter((e) => e !== entity),
      8,
    ),
    self: inClass ? 'this.' : '',
    decls: new Map(),
    imports: new Map(),
    typeImports: new Map(),
    usedNames: new Set(),
    usedClients: new Set(),
  };
}

/** Snapshot of what a section may add to the file-level maps, to undo a section that does not fit. */
function snapshot(ctx: FileContext) {
  return {
    decls: new Map(ctx.decls),
    imports: new Map([...ctx.imports].map(([k, v]) => [k, new Set(v)] as const)),
    typeImports: new Map([...ctx.typeImports].map(([k, v]) => [k, new Set(v)] as const)),
  };
}

function restore(ctx: FileContext, snap: ReturnType<typeof snapshot>): void {
  for (const key of ['decls', 'imports', 'typeImports'] as const) {
    const target = ctx[key] as Map<string, unknown>;
    target.clear();
    for (const [k, v] of snap[key]) target.set(k, v);
  }
}

/** A class or a module of functions, filled with sections until the file reaches its target length. */
function codeFile(rng: Rng, kind: Exclude<Kind, 'component' | 'model'>): GeneratedFile {
  const inClass = kind !== 'utility' && kind !== 'controller' ? rng.chance(0.8) : rng.chance(0.15);
  const ctx = newContext(rng, kind, inClass);
  const target = targetLines(rng);
  const head = new Writer();
  header(ctx, head);
  const className = `${ctx.entity}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  const weights = kindSections[kind];
  const generic = inClass && rng.chance(0.2);
  const ttl = rng.pick([30_000, 60_000, 300_000]);
  const fieldTypes = inClass ? ctx.related.slice(0, 2).map((r) => [r, entityInterface(ctx, r)] as const) : [];

  if (!inClass) {
    // Module-level clients, as a module of handlers would import them.
    for (const c of [...clientNames, 'db', 'cacheWarm']) addImport(ctx, `${ctx.libPrefix}clients`, c);
    addImport(ctx, `${ctx.libPrefix}logger`, 'logger');
  } else {
    addImport(ctx, `${ctx.libPrefix}clients`, 'Clients', true);
    addImport(ctx, `${ctx.libPrefix}logger`, 'Logger', true);
  }
  if (kind === 'controller') {
    for (const t of ['NextFunction', 'Request', 'Response']) addImport(ctx, 'express', t, true);
  }

  const members: Writer[] = [];
  const trailing: Writer[] = [];
  const render = (): Writer => {
    const body = new Writer();
    if (kind === 'controller' && !inClass) {
      // An Express-style route table in front of the handlers.
      const e = lowerFirst(ctx.entity);
      body.open(`export const ${e}Routes = {`);
      body.open('async show(req: Request, res: Response, next: NextFunction): Promise<void> {');
      body.open('try {');
      body.line(`const ${e} = await repo.get${ctx.entity}(String(req.params['id']));`);
      body.line(`res.json(${e});`);
      body.reopen('} catch (error) {');
      body.line('next(error);');
      body.close();
      body.close('},');
      body.close('};');
      body.line();
    }
    if (inClass) {
      body.open(`export class ${className}${generic ? '<TContext extends { tenantId: string } = { tenantId: string }>' : ''} {`);
      body.line(`private static readonly DEFAULT_TTL_MS = ${ttl};`);
      body.line('private loadedAt = 0;');
      for (const [r, type] of fieldTypes) body.line(`private ${lowerFirst(r)}: ${type} | null = null;`);
      // The clients the methods use, taken from the injected bundle.
      const fields = [...ctx.usedClients].filter((c) => c !== 'logger' && c !== 'cacheWarm').sort();
      for (const c of fields) body.line(`private readonly ${c}: Clients['${c}'];`);
      body.line();
      body.open('constructor(');
      body.line('private readonly clients: Clients,');
      body.line('private readonly logger: Logger,');
      if (generic) body.line('private readonly context?: TContext,');
      if (fields.length === 0) {
        body.close(') {}');
      } else {
        body.reopen(') {');
        for (const c of fields) body.line(`this.${c} = clients.${c};`);
        body.close();
      }
      if (ctx.usedClients.has('cacheWarm')) {
        body.line();
        body.open('private cacheWarm(id: string, values: Record<string, unknown>): void {');
        body.line("this.logger.debug('warm', { id, keys: Object.keys(values) });");
        body.close();
      }
    }
    members.forEach((m) => {
      body.line();
      body.append(m);
    });
    if (inClass) body.close();
    for (const t of trailing) {
      body.line();
      body.append(t);
    }
    return body;
  };
  const lines = () => lineCount(assemble(ctx, head, render()));

  // A kind of section appears at most twice per file, so files do not repeat themselves.
  const uses = new Map<SectionName | 'memberAssignments', number>();
  for (let guard = 0; lines() < target && guard < 60; guard++) {
    const kind: SectionName | 'memberAssignments' =
      inClass && rng.chance(0.15) ? 'memberAssignments' : rng.weighted(weights as Record<SectionName, number>);
    if ((uses.get(kind) ?? 0) >= 2) continue;
    uses.set(kind, (uses.get(kind) ?? 0) + 1);
    const snap = snapshot(ctx);
    const clientsBefore = new Set(ctx.usedClients);
    const section = new Writer();
    (kind === 'memberAssignments' ? memberAssignments : sections[kind])(ctx, section);
    members.push(section);
    if (lines() > MAX_LINES) {
      members.pop();
      restore(ctx, snap);
      ctx.usedClients.clear();
      for (const c of clientsBefore) ctx.usedClients.add(c);
      break;
    }
  }
  // Too short still (a big first section was dropped): small module-level helpers.
  while (lines() < MIN_LINES) {
    const extra = new Writer();
    const saved = ctx.self;
    (ctx as { self: string }).self = '';
    genericHelper(ctx, extra);
    (ctx as { self: string }).self = saved;
    trailing.push(extra);
  }

  const dir = kind === 'utility' ? 'lib' : `${ctx.domain}`;
  return { path: `${dir}/${kebab(ctx.entity)}.${kind}`, text: assemble(ctx, head, render()) };
}

/** Interfaces, enums, type aliases and constants: the model layer. */
function modelFile(rng: Rng): GeneratedFile {
  const ctx = newContext(rng, 'model', false);
  const target = targetLines(rng);
  const head = new Writer();
  header(ctx, head);
  const body = new Writer();
  const status = statusEnum(ctx);
  ctx.decls.set(ctx.entity, []);
  const fields = rng.sample(fieldPool, rng.int(5, 10));
  body.open(`export interface ${ctx.entity} {`);
  body.line('readonly id: string;');
  for (const [name, type] of fields) {
    if (rng.chance(0.3)) body.line(`/** ${name} — ${rng.pick(reasons)}. */`);
    body.line(`${name}: ${type};`);
  }
  body.line(`status: ${status};`);
  body.line('createdAt: Date;');
  body.close();
  body.line();
  body.line(`export type New${ctx.entity} = Omit<${ctx.entity}, 'id' | 'createdAt'>;`);
  body.line(`export type ${ctx.entity}Patch = Partial<New${ctx.entity}> & { readonly id: string };`);
  body.line(`export type ${ctx.entity}Key = keyof ${ctx.entity};`);
  body.line(`export type ReadonlyDeep<T> = { readonly [K in keyof T]: T[K] extends object ? ReadonlyDeep<T[K]> : T[K] };`);
  body.line(`export type ${ctx.entity}Event =`);
  body.line(`  | { type: 'created'; ${lowerFirst(ctx.entity)}: ${ctx.entity} }`);
  body.line(`  | { type: 'updated'; patch: ${ctx.entity}Patch }`);
  body.line(`  | { type: 'deleted'; id: string };`);
  body.line();
  let i = 0;
  while (estimateLines(ctx, head, body) < target && i < 40) {
    const r = ctx.related[i % ctx.related.length] ?? 'Tag';
    const w = new Writer();
    const variant = rng.int(0, 3);
    if (variant === 0) {
      w.open(`export interface ${ctx.entity}${r}Link${i} {`);
      w.line(`${lowerFirst(ctx.entity)}Id: string;`);
      w.line(`${lowerFirst(r)}Id: string;`);
      w.line(`role: '${rng.pick(['owner', 'member', 'viewer'])}' | 'admin';`);
      w.line('since: Date;');
      w.close();
    } else if (variant === 1) {
      w.open(`export function is${ctx.entity}Event${i}(value: unknown): value is ${ctx.entity}Event {`);
      w.line("if (typeof value !== 'object' || value === null) return false;");
      w.line("const type = (value as { type?: unknown }).type;");
      w.line("return type === 'created' || type === 'updated' || type === 'deleted';");
      w.close();
    } else if (variant === 2) {
      w.line(`export const ${kebab(ctx.entity).replace(/-/g, '_').toUpperCase()}_LIMITS_${i} = {`);
      w.line(`  maxPerPage: ${rng.pick([20, 50, 100])},`);
      w.line(`  maxNameLength: ${rng.pick([64, 128, 255])},`);
      w.line(`  retentionDays: ${rng.pick([30, 90, 365])},`);
      w.line('} as const;');
    } else {
      w.line(`export type ${ctx.entity}By${r}${i}<T extends ${ctx.entity} = ${ctx.entity}> = {`);
      w.line(`  [K in keyof T as K extends string ? \`${lowerFirst(r)}_\${K}\` : never]: T[K];`);
      w.line('};');
    }
    if (estimateLines(ctx, head, body) + w.length + 1 > MAX_LINES) break;
    body.append(w).line();
    i++;
  }
  return { path: `${ctx.domain}/${kebab(ctx.entity)}.model`, text: assemble(ctx, head, body) };
}

/** A React-style component file: props, state, effects with sequential awaits, event handlers, JSX. */
function componentFile(rng: Rng): GeneratedFile {
  const ctx = newContext(rng, 'component', false);
  const target = targetLines(rng);
  const head = new Writer();
  header(ctx, head);
  addImport(ctx, 'react', 'useCallback');
  addImport(ctx, 'react', 'useEffect');
  addImport(ctx, 'react', 'useMemo');
  addImport(ctx, 'react', 'useState');
  addImport(ctx, 'react', 'ReactNode', true);
  addImport(ctx, `${ctx.libPrefix}api`, 'api');
  addImport(ctx, '../../ui', 'Button');
  addImport(ctx, '../../ui', 'Card');
  addImport(ctx, '../../ui', 'Spinner');
  const body = new Writer();
  const E = ctx.entity;
  const e = lowerFirst(E);
  const type = entityInterface(ctx, E);
  let n = 0;
  while (estimateLines(ctx, head, body) < target && n < 12) {
    const w = new Writer();
    const [a, b] = rng.sample(ctx.related, 2) as [string, string];
    const ta = entityInterface(ctx, a);
    const tb = entityInterface(ctx, b);
    const comp = `${E}${rng.pick(['Panel', 'List', 'Card', 'Details', 'Sidebar', 'Table', 'Editor'])}${n > 0 ? n : ''}`;
    const variant = rng.int(0, 2);
    w.open(`interface ${comp}Props {`);
    w.line(`${e}Id: string;`);
    w.line(`onSelect?: (item: ${ta}) => void;`);
    w.line('children?: ReactNode;');
    w.close();
    w.line();
    w.line(`type ${comp}State =`);
    w.line(`  | { status: 'loading' }`);
    w.line(`  | { status: 'error'; error: unknown }`);
    w.line(`  | { status: 'ready'; ${e}: ${type}; items: ${ta}[]; extra: ${tb}[] };`);
    w.line();
    if (rng.chance(0.5)) w.line(`/** Shows a ${e} with its ${lowerFirst(plural(a))}; ${rng.pick(reasons)}. */`);
    w.open(`export function ${comp}({ ${e}Id, onSelect, children }: ${comp}Props) {`);
    w.line(`const [state, setState] = useState<${comp}State>({ status: 'loading' });`);
    w.line("const [query, setQuery] = useState('');");
    w.line('const [reloads, setReloads] = useState(0);');
    w.line();
    w.open('useEffect(() => {');
    w.line('let cancelled = false;');
    w.open('async function load() {');
    if (variant === 0) {
      w.line(`const ${e} = await api.${lowerFirst(plural(E))}.get(${e}Id);`);
      w.line(`const items = await api.${lowerFirst(plural(a))}.list({ ${e}Id });`);
      w.line(`const extra = await api.${lowerFirst(plural(b))}.list({ ${e}Id });`);
    } else if (variant === 1) {
      w.line(`const ${e} = await api.${lowerFirst(plural(E))}.get(${e}Id);`);
      w.line(`const items = await api.${lowerFirst(plural(a))}.list({ ownerId: ${e}.id });`);
      w.line(`const extra = await api.${lowerFirst(plural(b))}.list({ ownerId: ${e}.id });`);
    } else {
      w.line(`const [${e}, items, extra] = await Promise.all([`);
      w.line(`  api.${lowerFirst(plural(E))}.get(${e}Id),`);
      w.line(`  api.${lowerFirst(plural(a))}.list({ ${e}Id }),`);
      w.line(`  api.${lowerFirst(plural(b))}.list({ ${e}Id }),`);
      w.line(']);');
    }
    w.line(`if (!cancelled) setState({ status: 'ready', ${e}, items, extra });`);
    w.close();
    w.line('load().catch((error: unknown) => {');
    w.line("  if (!cancelled) setState({ status: 'error', error });");
    w.line('});');
    w.open('return () => {');
    w.line('cancelled = true;');
    w.close('};');
    w.close(`}, [${e}Id, reloads]);`);
    w.line();
    w.open('const visible = useMemo(() => {');
    w.line("if (state.status !== 'ready') return [];");
    w.line('const needle = query.trim().toLowerCase();');
    w.line('return state.items.filter((item) => !needle || JSON.stringify(item).toLowerCase().includes(needle));');
    w.close('}, [state, query]);');
    w.line();
    w.open('const handleArchive = useCallback(async () => {');
    w.line(`await api.${lowerFirst(plural(E))}.archive(${e}Id);`);
    w.line(`await api.activity.record({ type: '${kebab(E)}.archived', id: ${e}Id });`);
    w.line('setReloads((n) => n + 1);');
    w.close(`}, [${e}Id]);`);
    w.line();
    w.line("if (state.status === 'loading') return <Spinner label=\"Loading\" />;");
    w.line("if (state.status === 'error') return <p role=\"alert\">Something went wrong.</p>;");
    w.line();
    w.line('return (');
    w.line(`  <Card title={\`${E} \${state.${e}.id}\`}>`);
    w.line('    <input value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Filter" />');
    w.line('    <ul className="list">');
    w.line('      {visible.map((item) => (');
    w.line('        <li key={item.id} onClick={() => onSelect?.(item)}>');
    w.line('          {item.id}');
    w.line('        </li>');
    w.line('      ))}');
    w.line('    </ul>');
    w.line(`    {state.extra.length > 0 && <small>{state.extra.length} ${lowerFirst(plural(b))}</small>}`);
    w.line('    <Button onClick={() => void handleArchive()}>Archive</Button>');
    w.line('    {children}');
    w.line('  </Card>');
    w.line(');');
    w.close();
    if (n > 0 && estimateLines(ctx, head, body) + w.length + 1 > MAX_LINES) break;
    if (n > 0) body.line();
    body.append(w);
    n++;
  }
  return { path: `${ctx.domain}/components/${E}View`, text: assemble(ctx, head, body) };
}

/** The mix of file kinds, by weight (components are the `.tsx` ~10%). */
const kindWeights: Record<Kind, number> = {
  service: 24,
  repository: 14,
  controller: 14,
  job: 10,
  client: 6,
  model: 10,
  utility: 12,
  component: 10,
};

function generateFile(rng: Rng): GeneratedFile & { readonly tsx: boolean } {
  const kind = rng.weighted(kindWeights);
  if (kind === 'component') {
    const f = componentFile(rng);
    return { ...f, tsx: true };
  }
  if (kind === 'model') return { ...modelFile(rng), tsx: false };
  return { ...codeFile(rng, kind), tsx: false };
}

/** Generates the corpus into `outDir` (emptied first) and writes `manifest.json` beside the files. */
export function generateCorpus(options: CorpusOptions): CorpusSummary {
  const count = Math.max(1, Math.floor(options.count ?? defaultCount));
  const seed = options.seed ?? defaultSeed;
  const rng = new Rng(seed);
  rmSync(options.outDir, { recursive: true, force: true });
  const used = new Set<string>();
  let lines = 0;
  let bytes = 0;
  let tsxFiles = 0;
  for (let i = 0; i < count; i++) {
    const file = generateFile(rng);
    let base = `src/${file.path}`;
    for (let n = 2; used.has(base); n++) base = `src/${file.path}-${n}`;
    used.add(base);
    const path = join(options.outDir, `${base}${file.tsx ? '.tsx' : '.ts'}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    lines += file.text.split('\n').length - 1;
    bytes += Buffer.byteLength(file.text);
    if (file.tsx) tsxFiles++;
  }
  const summary: CorpusSummary = { outDir: options.outDir, count, seed, generatorVersion, files: count, tsxFiles, lines, bytes };
  writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** The corpus in `outDir`, generated only when missing or made with other parameters. */
export function ensureCorpus(options: CorpusOptions): CorpusSummary & { readonly reused: boolean } {
  const count = Math.max(1, Math.floor(options.count ?? defaultCount));
  const seed = options.seed ?? defaultSeed;
  try {
    const manifest = JSON.parse(readFileSync(join(options.outDir, 'manifest.json'), 'utf8')) as CorpusSummary;
    if (manifest.count === count && manifest.seed === seed && manifest.generatorVersion === generatorVersion) {
      return { ...manifest, outDir: options.outDir, reused: true };
    }
  } catch {
    // No manifest: generate.
  }
  return { ...generateCorpus({ outDir: options.outDir, count, seed }), reused: false };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = Number(argValue(args, '--count') ?? defaultCount);
  const seed = Number(argValue(args, '--seed') ?? defaultSeed);
  const outDir = resolve(argValue(args, '--out') ?? defaultCorpusDir);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error('Usage: node --import tsx bench/corpus.ts [--count N>=1] [--seed INT] [--out DIR]');
    process.exit(2);
  }
  const summary = generateCorpus({ outDir, count, seed });
  console.log(
    `Generated ${summary.files} files (${summary.tsxFiles} .tsx), ${summary.lines} lines, ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB in ${outDir}`,
  );
}
