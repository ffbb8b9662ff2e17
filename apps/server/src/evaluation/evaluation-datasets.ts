import type { Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AppError } from '@kollega/domain';

/** A dataset file an admin may evaluate. Only names and counts: never the file's content. */
export interface EvaluationDatasetFile {
  /** The path relative to the datasets folder, with `/`, e.g. `nb-dev/consultations.jsonl`; the id clients send. */
  id: string;
  /** The file name, e.g. `consultations.jsonl`. */
  name: string;
  /** Non-blank lines: the number of cases. */
  cases: number;
  bytes: number;
  /** `nb-dev` (sections and key facts) or `note` (reference note as text: ACI-BENCH, MTS-Dialog). */
  format: 'nb-dev' | 'note';
  /** The language the first case declares, when it declares one. */
  language?: string;
}

/** How deep below the datasets folder files are looked for. */
const MAX_DEPTH = 3;
/** Larger files are not offered (a dataset is read into memory). */
const MAX_DATASET_BYTES = 50 * 1024 * 1024;

interface CachedDataset {
  mtimeMs: number;
  size: number;
  dataset: EvaluationDatasetFile | undefined;
}

const cache = new Map<string, CachedDataset>();

/** Reads the first line of a file (at most 1 MB of it). */
async function readFirstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return text.split('\n').find((line) => line.trim() !== '') ?? '';
  } finally {
    await handle.close();
  }
}

async function countLines(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    let lines = 0;
    let lastByte = 10;
    let blank = true;
    for await (const chunk of handle.createReadStream({ highWaterMark: 256 * 1024 })) {
      for (const byte of chunk as Buffer) {
        if (byte === 10) {
          if (!blank) lines++;
          blank = true;
        } else if (byte !== 13 && byte !== 32 && byte !== 9) blank = false;
        lastByte = byte;
      }
    }
    return lines + (lastByte !== 10 && !blank ? 1 : 0);
  } finally {
    await handle.close();
  }
}

/**
 * Describes a JSONL file when its first case looks like a note dataset (a transcript and a reference note);
 * other JSONL files (triage messages, …) are not offered.
 */
async function describeDataset(path: string, id: string, name: string, bytes: number) {
  let first: unknown;
  try {
    first = JSON.parse(await readFirstLine(path));
  } catch {
    return undefined;
  }
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return undefined;
  const row = first as Record<string, unknown>;
  const hasTranscript = Array.isArray(row.transcript) || typeof row.transcript === 'string';
  const nbDev = typeof row.reference_note === 'object' && row.reference_note !== null;
  const note = typeof row.note === 'string' || Array.isArray(row.reference_notes);
  if (!hasTranscript || (!nbDev && !note)) return undefined;
  const dataset: EvaluationDatasetFile = {
    id,
    name,
    cases: await countLines(path),
    bytes,
    format: nbDev ? 'nb-dev' : 'note',
    ...(typeof row.language === 'string' ? { language: row.language } : {}),
  };
  return dataset;
}

async function listFiles(directory: string, depth: number): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((left, right) => left.name.localeCompare(right.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) files.push(...(await listFiles(path, depth + 1)));
    else if (entry.isFile() && entry.name.endsWith('.jsonl')) files.push(path);
  }
  return files;
}

/** The note datasets in `directory` (subfolders to depth 3, hidden entries and symbolic links skipped), by id. */
export async function listEvaluationDatasets(
  directory: string | undefined,
): Promise<EvaluationDatasetFile[]> {
  if (directory === undefined) return [];
  const datasets: EvaluationDatasetFile[] = [];
  for (const path of await listFiles(directory, 0)) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || info.size === 0 || info.size > MAX_DATASET_BYTES) continue;
    const cached = cache.get(path);
    if (cached !== undefined && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
      if (cached.dataset) datasets.push(cached.dataset);
      continue;
    }
    const id = relative(directory, path).split(sep).join('/');
    const name = id.split('/').pop() ?? id;
    const dataset = await describeDataset(path, id, name, info.size).catch(() => undefined);
    cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, dataset });
    if (dataset) datasets.push(dataset);
  }
  return datasets;
}

/**
 * The file of a dataset id, only when the id is one `listEvaluationDatasets` offers (never a path the client
 * makes up) and the file still lies inside the folder. Throws `not_found` otherwise.
 */
export async function resolveEvaluationDataset(
  directory: string | undefined,
  id: string,
): Promise<{ path: string; dataset: EvaluationDatasetFile }> {
  const dataset = (await listEvaluationDatasets(directory)).find((candidate) => candidate.id === id);
  if (directory === undefined || dataset === undefined) {
    throw new AppError('not_found', 'Fant ikke datasettet', { details: { field: 'dataset' } });
  }
  const path = join(directory, ...id.split('/'));
  const [realRoot, realFile] = await Promise.all([realpath(directory), realpath(path)]);
  if (!realFile.startsWith(`${realRoot}${sep}`)) {
    throw new AppError('not_found', 'Fant ikke datasettet', { details: { field: 'dataset' } });
  }
  return { path: realFile, dataset };
}
