// @ts-check
// How the scanner accepts or rejects on a page: consent-gate's API when the page runs it, else
// the consent tool's own button, found by the markup of the common tools or by an accessible
// name that means "accept all" / "reject all" in English, German, French or Spanish.

/** @typedef {'accept' | 'reject'} Decision */
/**
 * How a decision was made on a page, for the report.
 * @typedef {object} DecisionResult
 * @property {'consent-gate' | 'button' | 'none'} via
 * @property {string} [label]  the text of the button clicked
 * @property {string} [tool]   the consent tool whose markup matched
 * @property {string} [selector]  the CSS selector of that tool's button
 * @property {string} [note]   why nothing was clicked
 */

/**
 * Buttons of consent tools by their documented ids and classes. Checked before names, since a
 * tool's own "accept all" button is certain and a name is a guess.
 * @type {{ tool: string, accept: string[], reject: string[] }[]}
 */
export const CONSENT_TOOL_BUTTONS = [
  { tool: 'OneTrust', accept: ['#onetrust-accept-btn-handler', '#accept-recommended-btn-handler'], reject: ['#onetrust-reject-all-handler', '.ot-pc-refuse-all-handler'] },
  {
    tool: 'Cookiebot',
    accept: ['#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll', '#CybotCookiebotDialogBodyButtonAccept'],
    reject: ['#CybotCookiebotDialogBodyButtonDecline'],
  },
  // vanilla-cookieconsent 3 (data-role on the consent modal's buttons) and 2 (ids).
  { tool: 'vanilla-cookieconsent', accept: ['#cc-main .cm__btn[data-role="all"]', '#c-p-bn'], reject: ['#cc-main .cm__btn[data-role="necessary"]', '#c-s-bn'] },
  { tool: 'Klaro', accept: ['.klaro .cookie-notice .cm-btn-success', '.klaro .cm-btn-accept-all'], reject: ['.klaro .cookie-notice .cn-decline', '.klaro .cm-btn-decline'] },
  { tool: 'tarteaucitron', accept: ['#tarteaucitronPersonalize2', '#tarteaucitronAllAllowed'], reject: ['#tarteaucitronAllDenied2', '#tarteaucitronAllDenied'] },
  { tool: 'Didomi', accept: ['#didomi-notice-agree-button'], reject: ['#didomi-notice-disagree-button'] },
  { tool: 'Usercentrics', accept: ['[data-testid="uc-accept-all-button"]'], reject: ['[data-testid="uc-deny-all-button"]'] },
  { tool: 'CookieYes', accept: ['.cky-btn-accept'], reject: ['.cky-btn-reject'] },
  { tool: 'Complianz', accept: ['.cmplz-btn.cmplz-accept'], reject: ['.cmplz-btn.cmplz-deny'] },
];

/**
 * Accessible names that mean the decision, strongest first: "accept all" before a bare
 * "accept", so a dialog with both takes the one that grants everything. Each is matched
 * against the whole name (case-insensitive, spaces and trailing punctuation tolerated), so
 * "Reject all" never reads as "all" and "Accept selection" never as "accept".
 */
export const DECISION_WORDINGS = {
  accept: [
    [
      // English
      'accept all( cookies)?', 'allow all( cookies)?', 'accept (and|&) (close|continue)', 'yes,? i accept all',
      // German
      'alle (cookies )?(akzeptieren|annehmen|zulassen|erlauben)', '(akzeptieren|zustimmen) (und|&) (schließen|weiter)', 'allen zustimmen',
      // French
      'tout accepter', 'accepter tout', 'accepter (tous les|les) cookies', 'tout autoriser', 'autoriser tous les cookies', 'accepter et (fermer|continuer)',
      // Spanish
      'aceptar (todo|todas|todas las cookies)', 'permitir (todo|todas|todas las cookies)', 'aceptar y (cerrar|continuar)',
    ],
    [
      'accept( cookies)?', 'i accept', 'agree', 'i agree', 'allow( cookies)?', 'ok(ay)?,? (i )?(accept|agree)', 'got it',
      'akzeptieren', 'annehmen', 'zustimmen', 'einverstanden', 'ich stimme zu',
      'accepter', "j['’]accepte", "d['’]accord",
      'aceptar', 'acepto', 'de acuerdo',
    ],
  ],
  reject: [
    [
      'reject all( cookies)?', 'decline all( cookies)?', 'deny all', 'refuse all', 'reject (non-essential|optional|additional) cookies',
      '(use )?(only )?(strictly )?(necessary|essential) (cookies )?only', 'only (strictly )?(necessary|essential)( cookies)?', 'continue without accepting',
      'alle ablehnen', 'nur (notwendige|erforderliche|essenzielle|technisch notwendige) cookies( verwenden| akzeptieren)?', 'nur (notwendige|erforderliche|essenzielle)',
      'tout refuser', 'refuser tout', 'refuser (tous les|les) cookies', 'continuer sans accepter', 'uniquement (les cookies )?(nécessaires|essentiels)',
      'rechazar (todo|todas|todas las cookies)', 'denegar (todo|todas)', 'solo (las )?(necesarias|esenciales)', 'solo cookies (necesarias|esenciales)',
    ],
    ['reject( cookies)?', 'decline', 'deny', 'refuse', 'no,? thanks', 'ablehnen', 'verweigern', 'refuser', 'je refuse', 'rechazar', 'denegar', 'no acepto'],
  ],
};

/**
 * One anchored, case-insensitive pattern per strength, as Playwright's name matching takes it.
 * @param {string[]} wordings
 */
const anchored = (wordings) => new RegExp(`^\\s*(${wordings.join('|')})\\s*[.!]?\\s*$`, 'i');

/** Compiled once: [strong, weak] per decision. */
const NAME_PATTERNS = {
  accept: DECISION_WORDINGS.accept.map(anchored),
  reject: DECISION_WORDINGS.reject.map(anchored),
};

/**
 * Whether a visible name means the decision, and how strongly (0 strongest); -1 for no.
 * Exposed for the unit tests; the browser search uses the same patterns.
 * @param {string} name
 * @param {Decision} decision
 */
export function decisionStrength(name, decision) {
  const normalised = name.replace(/\s+/g, ' ');
  return NAME_PATTERNS[decision].findIndex((pattern) => pattern.test(normalised));
}

/**
 * Runs in the page: whether consent-gate's instance is there, and if so decide through it.
 * @param {string} action  `accept`, `reject`, or anything else to only ask
 */
function consentGateApi(action) {
  const instance = /** @type {any} */ (window).ConsentGate && /** @type {any} */ (window).ConsentGate.instance;
  if (!instance || typeof instance.acceptAll != 'function') return false;
  if (action == 'accept') instance.acceptAll();
  else if (action == 'reject') instance.rejectAll();
  return true;
}

/**
 * Whether the page runs consent-gate's script-tag build (`window.ConsentGate.instance`).
 * @param {import('playwright-core').Page} page
 */
export async function runsConsentGate(page) {
  return page.evaluate(consentGateApi, 'probe').catch(() => false);
}

/**
 * @param {import('playwright-core').Locator} locator
 * @returns {Promise<import('playwright-core').Locator | null>}
 */
async function firstVisible(locator) {
  const visible = locator.filter({ visible: true });
  return (await visible.count().catch(() => 0)) > 0 ? visible.first() : null;
}

/**
 * @param {import('playwright-core').Locator} locator
 */
async function visibleText(locator) {
  return ((await locator.textContent({ timeout: 1000 }).catch(() => '')) || '').replace(/\s+/g, ' ').trim();
}

/**
 * Find the control for `decision` in the page and its frames, without clicking.
 * @param {import('playwright-core').Page} page
 * @param {Decision} decision
 * @returns {Promise<{ locator: import('playwright-core').Locator, label: string, selector?: string, tool?: string } | null>}
 */
async function findControl(page, decision) {
  const frames = page.frames();
  for (const frame of frames) {
    for (const tool of CONSENT_TOOL_BUTTONS) {
      for (const selector of tool[decision]) {
        const found = await firstVisible(frame.locator(selector));
        if (found) return { locator: found, label: (await visibleText(found)) || selector, selector, tool: tool.tool };
      }
    }
  }
  for (const pattern of NAME_PATTERNS[decision]) {
    for (const frame of frames) {
      for (const role of /** @type {const} */ (['button', 'link'])) {
        const found = await firstVisible(frame.getByRole(role, { name: pattern }));
        if (found) return { locator: found, label: (await visibleText(found)) || String(pattern) };
      }
    }
  }
  return null;
}

/**
 * Accept or reject on the page as a visitor would.
 * @param {import('playwright-core').Page} page
 * @param {Decision} decision
 * @param {{ waitForBannerMs: number, settle: () => Promise<unknown> }} options  how long a banner may
 *   take to appear once the page's network is quiet, and how to wait for that
 * @returns {Promise<DecisionResult>}
 */
export async function decide(page, decision, { waitForBannerMs, settle }) {
  if (await page.evaluate(consentGateApi, decision).catch(() => false)) return { via: 'consent-gate' };
  // Other tools often fetch their banner's texts and settings first: let those requests finish.
  await settle();
  const until = Date.now() + waitForBannerMs;
  for (;;) {
    const control = await findControl(page, decision);
    if (control) {
      const clicked = await control.locator
        .click({ timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      if (clicked) return { via: 'button', label: control.label, ...(control.tool ? { tool: control.tool, selector: control.selector } : {}) };
    }
    if (Date.now() >= until) break;
    await page.waitForTimeout(250);
  }
  return { via: 'none', note: `no ${decision === 'accept' ? '"accept all"' : '"reject all"'} control found` };
}
