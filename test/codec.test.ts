import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeChoice, encodeChoice, type StoredChoice } from '../src/core/codec';

const key = fc.stringMatching(/^[A-Za-z][\w-]{0,20}$/);
const flags = fc.dictionary(key, fc.boolean(), { maxKeys: 6 });
const seconds = fc.integer({ min: 1, max: 4_000_000_000 });
const choiceArb: fc.Arbitrary<StoredChoice> = fc
  .record({
    id: fc.stringMatching(/^[\w-]{8,64}$/),
    revision: fc.string({ maxLength: 100 }),
    times: fc.tuple(seconds, seconds, seconds).map((t) => t.sort((a, b) => a - b)),
    categories: flags,
    services: flags,
    gpc: fc.boolean(),
  })
  .map(({ times: [f, l, e], ...rest }) => ({ ...rest, first: f! * 1000, last: l! * 1000, expires: e! * 1000 }));

const plain = (c: StoredChoice) => ({ ...c, categories: { ...c.categories }, services: { ...c.services } });

describe('cookie codec', () => {
  test('round-trips every valid choice', () => {
    fc.assert(
      fc.property(choiceArb, (c) => {
        const r = decodeChoice(encodeChoice(c));
        expect(r.ok).toBe(true);
        if (r.ok) expect(plain(r.choice)).toEqual(plain(c));
      }),
      { numRuns: 2000 },
    );
  });

  test('10,000 random inputs: never throws, never grants from garbage', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json(),
      fc.anything().map((v) => {
        try {
          return JSON.stringify(v) ?? '';
        } catch {
          return '';
        }
      }),
      fc.anything() as fc.Arbitrary<unknown>,
    );
    fc.assert(
      fc.property(garbage, (input) => {
        const r = decodeChoice(input);
        // Anything accepted must be exactly what the encoder writes: garbage is never "ok".
        if (r.ok) expect(encodeChoice(r.choice)).toBe(input);
      }),
      { numRuns: 10_000 },
    );
  });

  test('any one-character edit of a stored value is rejected', () => {
    fc.assert(
      fc.property(choiceArb, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (c, at, ch) => {
        const good = encodeChoice(c);
        const i = at % good.length;
        if (good[i] === ch) return;
        const bad = good.slice(0, i) + ch + good.slice(i + 1);
        expect(decodeChoice(bad).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  const valid: StoredChoice = {
    id: 'abcdefghijkl',
    revision: 'r1',
    first: 1_700_000_000_000,
    last: 1_700_000_000_000,
    expires: 1_800_000_000_000,
    categories: { analytics: true },
    services: {},
    gpc: false,
  };

  test.each([
    ['not JSON', '{'],
    ['another version', encodeChoice(valid).replace('"v":1', '"v":2')],
    ['a prototype key', '{"v":1,"i":"abcdefghijkl","r":"","f":1,"l":1,"e":2,"g":0,"c":{"__proto__":1},"s":{},"h":"x"}'],
    ['a flag that is not 0/1', encodeChoice(valid).replace('"analytics":1', '"analytics":true')],
    ['times out of order', encodeChoice({ ...valid, first: valid.expires + 1000 })],
    ['a numeric id', '{"v":1,"i":12345678,"r":"","f":1,"l":1,"e":2,"g":0,"c":{},"s":{}}'],
    ['a missing checksum', encodeChoice(valid).replace(/,"h":"\w+"/, '')],
    ['null', 'null'],
    ['a non-string', 42 as unknown as string],
  ])('rejects %s', (_label, raw) => {
    const r = decodeChoice(raw);
    expect(r.ok).toBe(false);
  });

  test.each([
    ['{', 'not JSON'],
    ['[]', 'not format version 1'],
    ['"string"', 'not format version 1'],
    ['{"v":1,"i":"abcdefghijkl","r":"","f":"1","l":"1","e":"2","g":0,"c":{},"s":{}}', 'malformed or edited (checksum)'],
    [encodeChoice(valid).replace('"r":"r1"', '"r":1'), 'malformed or edited (checksum)'],
  ])('says why %s is no consent', (raw, reason) => {
    expect(decodeChoice(raw)).toEqual({ ok: false, reason });
  });

  test('stores a compact value', () => {
    expect(encodeChoice(valid).length).toBeLessThan(140);
  });
});
