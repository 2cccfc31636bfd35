// The four SDKs under test: their host page, how to find their banner and its buttons, and which
// served files are theirs (for byte counts and for attributing JavaScript time).

/** The gated tag every page carries (served by the route stub, never the network). */
export const GTAG_URL = 'https://www.googletagmanager.com/gtag/js?id=G-BENCH';
/** Hosts whose requests count as tracker requests. */
export const TRACKER_HOST = /(^|\.)(googletagmanager\.com|google-analytics\.com)$/;

/**
 * banner: what the in-page probe looks for (bench/probe.js).
 * accept/reject: Playwright locators for the first-layer buttons.
 * files: URL path prefix of the files that belong to the SDK.
 */
export const SDKS = [
  {
    id: 'consent-gate',
    pkg: null, // this repository
    page: '/bench/pages/consent-gate.html',
    files: '/dist/',
    bannerDesc: "getByRole('region', { name: /cookie/i }) (also inside shadow roots)",
    banner: { kind: 'region', name: 'cookie' },
    bannerLocator: (page) => page.getByRole('region', { name: /cookie/i }),
    accept: (page) => page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Accept all', exact: true }),
    reject: (page) => page.getByRole('region', { name: /cookie/i }).getByRole('button', { name: 'Reject all', exact: true }),
  },
  {
    id: 'vanilla-cookieconsent',
    pkg: 'vanilla-cookieconsent',
    page: '/bench/pages/vanilla-cookieconsent.html',
    files: '/node_modules/vanilla-cookieconsent/',
    bannerDesc: '`#cc-main .cm` (consent modal, role=dialog)',
    banner: { kind: 'css', selector: '#cc-main .cm' },
    bannerLocator: (page) => page.locator('#cc-main .cm'),
    accept: (page) => page.locator('#cc-main .cm button[data-role="all"]'),
    reject: (page) => page.locator('#cc-main .cm button[data-role="necessary"]'),
  },
  {
    id: 'klaro',
    pkg: 'klaro',
    page: '/bench/pages/klaro.html',
    files: '/node_modules/klaro/',
    bannerDesc: '`#klaro-cookie-notice` (consent notice, role=dialog)',
    banner: { kind: 'css', selector: '#klaro-cookie-notice' },
    bannerLocator: (page) => page.locator('#klaro-cookie-notice'),
    accept: (page) => page.locator('#klaro-cookie-notice .cn-buttons .cm-btn-success'),
    reject: (page) => page.locator('#klaro-cookie-notice .cn-buttons .cn-decline'),
  },
  {
    id: 'tarteaucitron',
    pkg: 'tarteaucitronjs',
    page: '/bench/pages/tarteaucitron.html',
    files: '/node_modules/tarteaucitronjs/',
    bannerDesc: '`#tarteaucitronAlertBig` (bottom banner)',
    banner: { kind: 'css', selector: '#tarteaucitronAlertBig' },
    bannerLocator: (page) => page.locator('#tarteaucitronAlertBig'),
    accept: (page) => page.locator('#tarteaucitronPersonalize2'),
    reject: (page) => page.locator('#tarteaucitronAllDenied2'),
  },
];
