import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDirectory } from '../../cli/output-directory.js';

describe('the folder a command writes into', () => {
  it('is made with its parents', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'treatywatch-out-'));
    // Act
    const made = outputDirectory(join(root, 'a', 'b'), '--out');
    // Assess
    expect(existsSync(made)).toBe(true);
  });

  it('is refused in one line when a part of its path is a file', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'treatywatch-out-'));
    writeFileSync(join(root, 'file'), '');
    // Act
    const make = () => outputDirectory(join(root, 'file', 'x'), '--out');
    // Assess
    expect(make).toThrow(/^--out .*file\/x: cannot be a folder \(ENOTDIR\)$/);
  });

  it('is refused, not waited on for ever, where no folder can be made (under /proc)', () => {
    // Act
    const make = () => outputDirectory('/proc/treatywatch-nope', '--out');
    // Assess
    expect(make).toThrow(/^--out \/proc\/treatywatch-nope: cannot make the folder/);
  });
});
