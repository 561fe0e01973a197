import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Makes a folder the CLI writes into, and its parents, or says in one line why it cannot.
 * One level at a time, not `mkdirSync(…, { recursive: true })`, which on Node 20 spins for ever
 * on a path under /proc.
 */
export function outputDirectory(directory: string, option: string): string {
  const found = statOf(directory, option);
  if (found?.isDirectory()) return directory;
  if (found) throw new UsageError(`${option} ${directory}: not a folder`);
  const parent = dirname(directory);
  if (parent !== directory) outputDirectory(parent, option);
  try {
    mkdirSync(directory);
  } catch (error) {
    throw new UsageError(`${option} ${directory}: cannot make the folder (${codeOf(error)})`);
  }
  return directory;
}

function statOf(path: string, option: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // ENOTDIR: a part of the path is a file.
    throw new UsageError(`${option} ${path}: cannot be a folder (${codeOf(error)})`);
  }
}

const codeOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : String(error);
