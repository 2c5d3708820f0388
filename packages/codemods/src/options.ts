import path from 'node:path';
import { nearestProject, type SafetyLevel, type SourceType, sourceTypes } from '@asyncwise/analysis';
import { OptionError } from './errors';
import type { TransformOptions } from './types';

/** Every level a user may ask for, lowest first. */
export const safetyLevels = ['safe', 'review'] as const satisfies readonly SafetyLevel[];

export function parseLevel(value: unknown): SafetyLevel {
  if (value === undefined) return 'safe';
  const level = safetyLevels.find((l) => l === value);
  if (level === undefined) {
    throw new OptionError(`Invalid level ${JSON.stringify(value)}: expected ${safetyLevels.join(' or ')}.`);
  }
  return level;
}

export function parseSourceType(value: unknown): SourceType | undefined {
  if (value === undefined) return undefined;
  const sourceType = sourceTypes.find((t) => t === value);
  if (sourceType === undefined) {
    throw new OptionError(`Invalid source type ${JSON.stringify(value)}: expected ${sourceTypes.join(', ')}.`);
  }
  return sourceType;
}

/**
 * Ignore patterns from a string (`logger.*,audit.*`), a list of strings (a repeated option), or
 * nothing. Commas inside braces belong to the glob (`{logger,audit}.*`), so they do not split.
 */
export function parseIgnore(value: unknown): string[] {
  if (value === undefined) return [];
  const parts = Array.isArray(value) ? value : [value];
  const patterns: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      throw new OptionError(`Invalid ignore pattern ${JSON.stringify(part)}: expected callee-name globs such as logger.*`);
    }
    patterns.push(...splitOutsideBraces(part));
  }
  return patterns;
}

function splitOutsideBraces(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  out.push(current);
  return out.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function parseFlag(value: unknown, name: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  throw new OptionError(`Invalid ${name} ${JSON.stringify(value)}: expected true or false.`);
}

/**
 * The shared transform options from a jscodeshift command line or any loose object: values may be
 * strings (`--level=review`) and names dashed (`source-type`). A codemod's own options are read from
 * the same object through its declarations (`parseOptionValues`); anything else (jscodeshift's own
 * `dry`, `parser`, …) is ignored.
 */
export function transformOptionsFrom(raw: unknown): TransformOptions {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const sourceType = parseSourceType(record['sourceType'] ?? record['source-type']);
  const project = record['project'];
  if (project !== undefined && (typeof project !== 'string' || project.trim() === '')) {
    throw new OptionError(`Invalid project ${JSON.stringify(project)}: expected a tsconfig.json path, or auto.`);
  }
  return {
    level: parseLevel(record['level']),
    ...(sourceType === undefined ? {} : { sourceType }),
    // Relative to the working directory, as jscodeshift's paths are; `auto` as it is.
    ...(project === undefined ? {} : { project: project === nearestProject ? project : path.resolve(project) }),
  };
}

/** What jscodeshift calls: the new source, or `undefined` when nothing changes. */
export type JscodeshiftTransform = (
  fileInfo: { readonly path: string; readonly source: string },
  api: unknown,
  options?: Readonly<Record<string, unknown>>,
) => string | undefined;

/**
 * A codemod's jscodeshift entry from its `run`: the shared options read by {@link transformOptionsFrom},
 * plus what `own` reads of the codemod's declared options (none when omitted).
 */
export function jscodeshiftTransform<Own extends object>(
  run: (source: string, filePath: string, options: TransformOptions & Own) => { readonly output: string },
  own: (raw: Readonly<Record<string, unknown>>) => Own = () => ({}) as Own,
): JscodeshiftTransform {
  return (fileInfo, _api, options = {}) => {
    // jscodeshift hands over the path as it was given (`src/a.js`); a relative path reads as no file at
    // all to the analysis (which then takes it for TypeScript, and writes `as const` into a .js file).
    const result = run(fileInfo.source, path.resolve(fileInfo.path), { ...transformOptionsFrom(options), ...own(options) });
    return result.output === fileInfo.source ? undefined : result.output;
  };
}
