import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../cli/commands/start.js';

describe('the files start --input uploads', () => {
  it('follows symbolic links to files and folders, and reads a looping link once', () => {
    // Prepare: a real file elsewhere, linked in; a linked folder; a link back to the input itself
    const root = mkdtempSync(join(tmpdir(), 'treatywatch-input-'));
    const elsewhere = join(root, 'elsewhere');
    const input = join(root, 'input');
    mkdirSync(join(elsewhere, '2001', '08', '14'), { recursive: true });
    mkdirSync(input);
    writeFileSync(join(elsewhere, 'a.txt'), 'a');
    writeFileSync(join(elsewhere, '2001', '08', '14', 'b.txt'), 'b');
    writeFileSync(join(input, 'labels.json'), '{}');
    symlinkSync(join(elsewhere, 'a.txt'), join(input, 'a.txt'));
    symlinkSync(join(elsewhere, '2001'), join(input, '2001'));
    symlinkSync(input, join(input, 'loop'));
    // Act
    const files = corpusFiles(input);
    // Assess
    expect(files).toEqual([join(input, '2001', '08', '14', 'b.txt'), join(input, 'a.txt')]);
  });
});
