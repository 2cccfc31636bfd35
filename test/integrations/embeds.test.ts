import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createConsent, memoryStorage } from '../../src/core-entry';
import { createEmbeds, embeds } from '../../src/integrations/embeds';
import { youtube } from '../../src/integrations/catalogue/index';

const categories = { necessary: { required: true }, analytics: {}, marketing: {} };
const live: { destroy(): void }[] = [];
const make = (config: object = {}, integration = embeds) => {
  const c = createConsent(
    { categories, services: { yt: { preset: 'youtube' }, fb: { category: 'marketing' } }, autoShow: false, ...config },
    { integrations: [integration], storage: memoryStorage(), presets: { youtube } },
  );
  live.push(c);
  return c;
};
const flush = () => new Promise((r) => setTimeout(r, 0));
const placeholders = () => [...document.querySelectorAll<HTMLElement>('.cg-embed')];
const buttons = (ph: Element) => [...ph.querySelectorAll('button')].map((b) => b.textContent);

beforeEach(() => {
  document.body.innerHTML = `
    <iframe id="a" title="Video A" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/a" width="320" height="180"></iframe>
    <iframe id="b" title="Video B" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/b"></iframe>
    <iframe id="c" title="Widget" data-consent="analytics" data-src="https://widgets.example.com/x"></iframe>
    <iframe id="d" title="Not blocked" data-consent="!analytics" data-src="https://example.com/fallback"></iframe>`;
});
afterEach(() => {
  live.splice(0).forEach((c) => c.destroy());
  document.body.innerHTML = '';
});

describe('embed placeholders', () => {
  test('each blocked iframe gets a labelled placeholder with two buttons; the iframe is hidden', () => {
    make();
    const [a, b, c] = placeholders();
    expect(placeholders()).toHaveLength(3);
    expect(a!.nextElementSibling!.id).toBe('a');
    expect(a!.getAttribute('role')).toBe('group');
    const label = document.getElementById(a!.getAttribute('aria-labelledby')!);
    expect(label!.textContent).toBe('This YouTube video is blocked until you allow Marketing cookies.');
    expect(buttons(a!)).toEqual(['Load video', 'Always allow YouTube']);
    expect(a!.querySelector('a')!.getAttribute('href')).toBe(youtube.privacyPolicyUrl);
    expect(a!.getAttribute('data-cg-size')).toBe('320x180');
    expect((document.getElementById('a') as HTMLIFrameElement).hidden).toBe(true);
    // No service known: no "Always allow", a generic text naming the host.
    expect(c!.textContent).toContain('This widgets.example.com content is blocked until you allow Analytics cookies.');
    expect(buttons(c!)).toEqual(['Load content']);
    expect(b).toBeDefined();
    // Nothing uses an inline style attribute.
    expect(document.querySelector('[style]')).toBeNull();
  });

  test('"Load video" loads only that iframe and stores nothing', () => {
    const consent = make();
    placeholders()[0]!.querySelector('button')!.click();
    const a = document.getElementById('a') as HTMLIFrameElement;
    expect(a.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/a');
    expect(a.hidden).toBe(false);
    expect(document.getElementById('b')!.hasAttribute('src')).toBe(false);
    expect(placeholders()).toHaveLength(2);
    expect(consent.get().decided).toBe(false);
    expect(consent.has('marketing')).toBe(false);
  });

  test('"Always allow YouTube" grants that service (and its category) and refuses the others there', async () => {
    const consent = make();
    [...placeholders()[0]!.querySelectorAll('button')][1]!.click();
    await flush();
    expect(consent.hasService('yt')).toBe(true);
    expect(consent.hasService('fb')).toBe(false);
    expect(consent.has('analytics')).toBe(false);
    expect(document.getElementById('a')!.getAttribute('src')).toContain('/embed/a');
    expect(document.getElementById('b')!.getAttribute('src')).toContain('/embed/b');
    expect(placeholders().map((p) => p.nextElementSibling!.id)).toEqual(['c']);
  });

  test('a decision elsewhere removes placeholders; withdrawal does not bring back a loaded iframe', async () => {
    const consent = make();
    consent.acceptAll();
    await flush();
    expect(placeholders()).toHaveLength(0);
    consent.rejectAll();
    await flush();
    expect(placeholders()).toHaveLength(0);
  });

  test('iframes added later get a placeholder; destroy removes them all', async () => {
    const consent = make();
    const f = document.createElement('iframe');
    f.setAttribute('data-consent', 'marketing');
    f.setAttribute('data-src', 'https://player.vimeo.com/video/1');
    document.body.append(f);
    await flush();
    expect(placeholders()).toHaveLength(4);
    expect(f.previousElementSibling!.textContent).toContain('This Vimeo video is blocked');
    live.pop();
    consent.destroy();
    expect(placeholders()).toHaveLength(0);
    expect(f.hidden).toBe(false);
  });

  test('texts per language from options and config.translations', () => {
    document.documentElement.lang = 'de';
    try {
      const c = make(
        { translations: { de: { embedLoad: '{kind} laden' } } },
        createEmbeds({ texts: { de: { embedBlocked: 'Dieses {kind} von {service} ist gesperrt ({category}).', embedVideo: 'Video' } } }),
      );
      const ph = placeholders()[0]!;
      expect(ph.querySelector('p')!.textContent).toBe('Dieses Video von YouTube ist gesperrt (Marketing).');
      expect(buttons(ph)[0]).toBe('Video laden');
      // setLanguage() at run time relabels the placeholders, which stay one per blocked iframe.
      c.setLanguage('en');
      expect(placeholders()).toHaveLength(3);
      expect(buttons(placeholders()[0]!)).toEqual(['Load video', 'Always allow YouTube']);
    } finally {
      document.documentElement.lang = '';
    }
  });
});
