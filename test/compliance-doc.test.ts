import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** docs/compliance.md names a test per rule: `file` › `part of its title`. Each must exist. */
const root = join(__dirname, '..');
const doc = readFileSync(join(root, 'docs/compliance.md'), 'utf8');
const rows = [...doc.matchAll(/^\| (\d+) \|.*\| `([^`]+\.(?:spec|test)\.ts)` › `([^`]+)` \|$/gm)].map(([, number, file, title]) => ({
  number: number!,
  file: file!,
  title: title!,
}));

describe('docs/compliance.md', () => {
  test('lists its rules, each with a test', () => {
    const numbered = doc.match(/^\| \d+ \|/gm) || [];
    expect(rows.length).toBeGreaterThan(30);
    expect(rows).toHaveLength(numbered.length);
  });

  test.each(rows)('rule $number: $file has a test titled "$title"', ({ file, title }) => {
    const source = readFileSync(join(root, file), 'utf8');
    // The title as written in a test(...) or describe(...) call.
    const calls = [...source.matchAll(/(?:test|describe)(?:\.\w+)?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((match) => match[2]!);
    expect(
      calls.some((written) => written.includes(title)),
      `${file}: no test titled "${title}"`,
    ).toBe(true);
  });
});
