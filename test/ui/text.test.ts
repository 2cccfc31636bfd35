import { describe, expect, test } from 'vitest';
import { render } from 'preact';
import { cookieLabel, rich, safeUrl } from '../../src/ui/lib/text';

describe('safeUrl', () => {
  test.each(['https://example.com/p', 'HTTP://example.com', '/privacy', 'privacy.html', './a/b', '#cookies', '?x=1', '//cdn.example.com/p', 'a/b:c'])(
    'allows %j',
    (url) => {
      expect(safeUrl(url)).toBe(true);
    },
  );
  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\x01javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'mailto:a@b.c',
    'https://example.com/a b',
    undefined,
    42,
  ])('refuses %j', (url) => {
    expect(safeUrl(url)).toBe(false);
  });
});

describe('rich', () => {
  const html = (text: string) => {
    const el = document.createElement('div');
    render(rich(text), el);
    return el;
  };
  test('renders text as text: no markup is parsed', () => {
    const el = html('<img src=x onerror="alert(1)"> & <b>bold</b>');
    expect(el.querySelector('img, b')).toBeNull();
    expect(el.textContent).toBe('<img src=x onerror="alert(1)"> & <b>bold</b>');
  });
  test('turns [label](url) into a link when the URL is safe', () => {
    const el = html('Read [our policy](/privacy) or [theirs](https://example.com/p).');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['our policy', '/privacy'],
      ['theirs', 'https://example.com/p'],
    ]);
    expect(el.textContent).toBe('Read our policy or theirs.');
  });
  test('keeps only the label of an unsafe link', () => {
    const el = html('Click [here](javascript:alert(1)) now');
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('here');
  });
});

describe('cookieLabel', () => {
  test.each([
    ['_ga', '_ga'],
    [/^_ga_/, '_ga_*'],
    [/^_ga$/, '_ga'],
    [/^_hjSession_\d+$/, '_hjSession_*'],
    [/^intercom-id-.*/, 'intercom-id-*'],
    [/^ph_[\w-]+_posthog$/, 'ph_*_posthog'],
    [/^_pk_id\./, '_pk_id.*'],
    [/^_hj\d+.*_x/, '_hj*_x*'],
    [/^a.*.*b$/, 'a*b'],
  ])('%s reads as %s', (name, label) => {
    expect(cookieLabel(name)).toBe(label);
  });
});
