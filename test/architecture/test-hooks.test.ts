import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jobDelayEnv } from '../helpers/job-delay.js';

const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

describe('test-only hooks stay out of the production paths', () => {
  it('no file under src/ names a PLUME_TEST_ variable', () => {
    const files = listFiles(SOURCE_ROOT);
    expect(files.length).toBeGreaterThan(100);
    const found = files
      .filter((path) => /PLUME_TEST_/u.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SOURCE_ROOT, path));
    expect(found).toEqual([]);
  });

  it('tests inject the job delay with node --import, keeping NODE_OPTIONS they inherit', () => {
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--max-old-space-size=512';
    try {
      const env = jobDelayEnv(250);
      expect(env.PLUME_TEST_JOB_DELAY_MS).toBe('250');
      expect(env.NODE_OPTIONS).toMatch(
        /^--max-old-space-size=512 --import=file:\/\/\S+\/job-delay-hook\.mjs$/u,
      );
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
  });
});
