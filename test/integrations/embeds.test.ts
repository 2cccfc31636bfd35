import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ConsentEvents } from '../../src/core/types';
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
    <iframe id="a" title="Video A" data-consent="marketing" data-service="yt" data-src="https://www.youtube-nocookie.com/embed/a" width="320" height="180"></iframe>
    <iframe id="b" title="Video B" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/b"></iframe>
    <iframe id="c" title="Widget" data-consent="analytics" data-src="https://widgets.example.com/x"></iframe>
    <iframe id="d" title="Not blocked" data-consent="!analytics" data-src="https://example.com/fallback"></iframe>`;
});
afterEach(() => {
  live.splice(0).forEach((c) => c.destroy());
  document.body.innerHTML = '';
  delete window.consentGateTranslations;
});

describe('embed placeholders', () => {
  test('each blocked iframe gets a labelled placeholder with two buttons; the iframe is hidden', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
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
    // Recognised as YouTube by its host but gated on Marketing alone: allowing YouTube would not
    // load it, so no "Always allow" (and one console hint to add data-service).
    expect(b!.textContent).toContain('This YouTube video is blocked until you allow Marketing cookies.');
    expect(buttons(b!)).toEqual(['Load video']);
    const hints = warn.mock.calls.map((call) => String(call[0])).filter((message) => /no data-service/.test(message));
    expect(hints).toEqual([expect.stringContaining('add data-service="yt" so "Always allow YouTube" can allow it')]);
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

  test('"Always allow YouTube" grants that service only: its category stays refused, and the receipt says so', async () => {
    const consent = make();
    const receipts: ConsentEvents['record'][] = [];
    consent.on('record', (receipt) => receipts.push(receipt));
    [...placeholders()[0]!.querySelectorAll('button')][1]!.click();
    await flush();
    expect(consent.hasService('yt')).toBe(true);
    expect(consent.hasService('fb')).toBe(false);
    expect([consent.has('marketing'), consent.has('analytics')]).toEqual([false, false]);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({
      method: 'custom',
      categories: { necessary: true, analytics: false, marketing: false },
      services: { yt: true, fb: false },
    });
    expect(document.getElementById('a')!.getAttribute('src')).toContain('/embed/a');
    // Video B names no service: it waits for Marketing, placeholder and all.
    expect(document.getElementById('b')!.hasAttribute('src')).toBe(false);
    expect(placeholders().map((p) => p.nextElementSibling!.id)).toEqual(['b', 'c']);
  });

  test('"Always allow" shows only where allowing the service is enough for that iframe', () => {
    document.body.innerHTML = `
      <iframe id="two" data-consent="marketing analytics" data-service="yt" data-src="https://www.youtube-nocookie.com/embed/two"></iframe>`;
    const consent = make();
    expect(buttons(placeholders()[0]!)).toEqual(['Load video']);
    expect(placeholders()[0]!.textContent).toContain('until you allow Marketing, Analytics cookies.');
    consent.set({ analytics: true });
    // Still blocked, now by Marketing alone, which YouTube stands in for: the placeholder is rebuilt.
    expect(placeholders()).toHaveLength(1);
    expect(placeholders()[0]!.textContent).toContain('until you allow Marketing cookies.');
    expect(buttons(placeholders()[0]!)).toEqual(['Load video', 'Always allow YouTube']);
    [...placeholders()[0]!.querySelectorAll('button')][1]!.click();
    expect(document.getElementById('two')!.getAttribute('src')).toContain('/embed/two');
    expect(consent.has('marketing')).toBe(false);
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

  test('pt_BR finds texts kept under pt-BR or pt, as the UI does; category titles come in the same language', () => {
    window.consentGateTranslations = { pt: { marketing: 'Marketing (pt)' } };
    const c = make({
      language: 'pt_BR',
      translations: {
        'pt-BR': { embedLoad: 'Carregar {kind}' },
        pt: { embedVideo: 'vídeo', embedBlocked: '{service}: {kind} bloqueado até permitir cookies de {category}.' },
      },
    });
    const ph = placeholders()[0]!;
    expect(ph.querySelector('p')!.textContent).toBe('YouTube: vídeo bloqueado até permitir cookies de Marketing (pt).');
    expect(buttons(ph)[0]).toBe('Carregar vídeo');
    // English for what no Portuguese text covers, but the placeholder says which language it is in.
    expect(buttons(ph)[1]).toBe('Always allow YouTube');
    expect(ph.lang).toBe('pt-BR');
    // Without embed texts in the language, the sentence stays English, category title and all.
    c.setLanguage('de');
    expect(placeholders()[0]!.querySelector('p')!.textContent).toBe('This YouTube video is blocked until you allow Marketing cookies.');
    expect(placeholders()[0]!.lang).toBe('en');
  });
});
