/**
 * The progress line of `asyncwise migrate` on stderr: files done of all, changed, errors, rate and
 * time left. Drawn by cli-progress: redrawn in place on a terminal, a plain line every two seconds
 * elsewhere (only when asked for with --progress). Never on stdout, where the diff goes: before a
 * diff is printed on a terminal the line is cleared, and the next update draws it again below.
 */
import { clearLine, cursorTo } from 'node:readline';
import { SingleBar } from 'cli-progress';
import type { FileOutcome } from './migrate';

export type ProgressMode = 'redraw' | 'lines' | 'off';

export interface ProgressChoice {
  /** `--progress` (true), `--no-progress` (false), or neither. */
  readonly asked: boolean | undefined;
  readonly quiet: boolean;
  readonly stderrIsTTY: boolean;
  /** The `CI` environment variable. */
  readonly ci: string | undefined;
}

/**
 * On by default only on a terminal, and not with --quiet or in CI (`CI` set to anything but
 * `false` or `0`, as CI services do); --progress turns it on anywhere (plain lines when stderr is no
 * terminal), --no-progress off.
 */
export function progressModeFor(choice: ProgressChoice): ProgressMode {
  if (choice.asked === false) return 'off';
  const inCi = choice.ci !== undefined && choice.ci !== '' && choice.ci !== 'false' && choice.ci !== '0';
  if (choice.asked !== true && (choice.quiet || inCi || !choice.stderrIsTTY)) return 'off';
  return choice.stderrIsTTY ? 'redraw' : 'lines';
}

export interface Progress {
  /** One file analysed. */
  readonly file: (outcome: FileOutcome) => void;
  /** Clears the line on a terminal so something else can be printed; the next update redraws it. */
  readonly clear: () => void;
  readonly stop: () => void;
}

const none: Progress = { file: () => undefined, clear: () => undefined, stop: () => undefined };

export function startProgress(mode: ProgressMode, stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): Progress {
  if (mode === 'off' || total === 0) return none;
  const started = performance.now();
  let done = 0;
  let changed = 0;
  let errors = 0;
  const bar = new SingleBar({
    stream,
    noTTYOutput: mode === 'lines',
    notTTYSchedule: 2000,
    hideCursor: mode === 'redraw',
    clearOnComplete: mode === 'redraw',
    etaBuffer: 100,
    fps: 10,
    format: (_options, params, payload: { changed: number; errors: number; rate: string }) => {
      const eta = params.value >= params.total ? 'done' : `ETA ${params.eta}s`;
      const filled = Math.round(Math.min(1, params.progress) * 30);
      const bar = mode === 'redraw' ? `${'█'.repeat(filled)}${'·'.repeat(30 - filled)} ` : '';
      return `asyncwise ${bar}${params.value}/${params.total} files, ${payload.changed} changed, ${payload.errors} errors, ${payload.rate} files/s, ${eta}`;
    },
  });
  const payload = () => {
    const seconds = (performance.now() - started) / 1000;
    return { changed, errors, rate: seconds > 0 ? (done / seconds).toFixed(1) : '0.0' };
  };
  bar.start(total, 0, payload());
  return {
    file: (outcome) => {
      done++;
      if (outcome.status === 'changed') changed++;
      if (outcome.status === 'error') errors++;
      bar.update(done, payload());
    },
    clear: () => {
      if (mode !== 'redraw') return;
      cursorTo(stream, 0);
      clearLine(stream, 0);
    },
    stop: () => {
      bar.update(done, payload());
      bar.stop();
    },
  };
}
