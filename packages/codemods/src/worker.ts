/**
 * A worker thread of `migrate` with `jobs` > 1 (run by tinypool): reads, transforms and checks one
 * file per task, exactly as the main thread does with one job (`migrateFile`), and sends the outcome
 * back. It never writes: writes stay in the main thread, after every file was analysed, so the
 * clean-git gate and the order of writes are the same whatever the number of jobs.
 *
 * Codemods reach a worker by name (the built-in registry's rows) and options, since functions
 * cannot cross threads; each worker loads a set once and keeps it.
 */
import { type FileOutcome, migrateFile } from './migrate';
import { findCodemod, type LoadedCodemod, loadCodemods } from './registry';
import type { TransformOptions } from './types';

/** What a worker needs to load one codemod as the main thread did. */
export interface WorkerCodemod {
  readonly name: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface WorkerTask {
  readonly file: string;
  readonly codemods: readonly WorkerCodemod[];
  readonly options: TransformOptions;
  readonly maxFileSize: number;
}

const loaded = new Map<string, Promise<LoadedCodemod[]>>();

async function codemodsFor(wanted: readonly WorkerCodemod[]): Promise<LoadedCodemod[]> {
  const key = JSON.stringify(wanted);
  let set = loaded.get(key);
  if (!set) {
    set = Promise.all(
      wanted.map(async ({ name, options }) => {
        const codemod = findCodemod(name);
        if (!codemod) throw new Error(`no built-in codemod named ${name}`);
        const [one] = await loadCodemods([codemod], options);
        return one as LoadedCodemod;
      }),
    );
    loaded.set(key, set);
  }
  return set;
}

export default async function migrateInWorker(task: WorkerTask): Promise<FileOutcome> {
  return migrateFile(task.file, await codemodsFor(task.codemods), task.options, task.maxFileSize);
}
