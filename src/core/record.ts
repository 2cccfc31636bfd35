import type { ConsentReceipt, NormalizedConfig } from './types';
import { warn } from './lib/log';

/** The localStorage key of the outbox: receipts the endpoint has not acknowledged yet. */
export const OUTBOX_KEY = 'consent-gate:outbox';
/** Unacknowledged receipts kept at most; past it the oldest is dropped with a warning. */
export const OUTBOX_CAP = 20;

/** The outbox for this page when localStorage throws (Safari private mode, sandboxed frames). */
let memory: ConsentReceipt[] | undefined;
/** Bodies sent from this page and not answered yet, with their URL: beaconed on pagehide. */
const inflight = new Map<string, string>();
/** Warnings about unacknowledged receipts so far: one per page is enough. */
let warned = 0;
let listening: unknown;
/** serverCookie: puts the instance's current choice back into storage when it differs. */
let settle: (() => void) | undefined;

const load = (): ConsentReceipt[] => {
  let list;
  try {
    list = memory || JSON.parse(localStorage.getItem(OUTBOX_KEY)!);
  } catch (failure) {
    // Unreadable JSON starts over; storage that throws means memory for this page.
    if (!(failure instanceof SyntaxError)) memory = [];
  }
  return Array.isArray(list) ? list : [];
};

const save = (list: ConsentReceipt[]) => {
  try {
    if (!memory) return localStorage.setItem(OUTBOX_KEY, JSON.stringify(list));
  } catch {
    /* full or refused: memory from now on */
  }
  memory = list;
};

const other = (receipt: ConsentReceipt) => (entry: ConsentReceipt) => entry.id !== receipt.id || entry.timestamp !== receipt.timestamp;

/**
 * Deliver `receipt`, or without one resend what earlier pages left unacknowledged. Each
 * receipt waits in a bounded outbox (localStorage, else memory) until the endpoint answers
 * 2xx; offline, a 5xx, a network error or a page closed before the answer leave it there
 * for a later page load, and the log server's idempotence (consent id + timestamp) stores
 * it once. A 400 or 413 means the endpoint will never take it: dropped, with a warning.
 * `fetch` with keepalive, so the answer can be read; the body is text/plain, so a
 * cross-origin endpoint needs no preflight. On pagehide, what is still unanswered also goes
 * by `sendBeacon` (which outlives the page everywhere but reports nothing back).
 *
 * With `serverCookie`, an answer may re-set the consent cookie to the value it had when the
 * request left. A decision made meanwhile (here or in another tab) would be overwritten by
 * the older one, so after every answer `onAnswer` restores the instance's current choice
 * where the stored value differs.
 */
export function sendReceipt(config: NormalizedConfig, receipt?: ConsentReceipt, onAnswer?: () => void): void {
  settle = onAnswer || settle;
  try {
    const { recordEndpoint: endpoint, serverCookie } = config;
    // serverCookie: the endpoint may re-set the consent cookie; it needs its name and attributes.
    const url = serverCookie ? `${endpoint}${endpoint.includes('?') ? '&' : '?'}cookie=${encodeURIComponent(JSON.stringify(config.cookie))}` : endpoint;
    let list = load();
    if (receipt) {
      list = [...list.filter(other(receipt)), receipt];
      if (list.length > OUTBOX_CAP) warn(`recordEndpoint: outbox full; the oldest receipt is dropped.`);
      save((list = list.slice(-OUTBOX_CAP)));
    }
    listening ||= (addEventListener('pagehide', () => inflight.forEach((target, body) => navigator.sendBeacon(target, body))), 1);
    for (const entry of receipt ? [receipt] : list) {
      const body = JSON.stringify(entry);
      const done = (status: number | Error) => {
        inflight.delete(body);
        const refused = status === 400 || status === 413;
        const acked = refused || ((+status / 100) | 0) === 2;
        if (acked) save(load().filter(other(entry)));
        if (refused || (!acked && !warned++))
          warn(`recordEndpoint: receipt ${refused ? 'refused, dropped' : 'not acknowledged, kept for a later page'} (${status}).`);
      };
      inflight.set(body, url);
      fetch(url, { method: 'POST', body, keepalive: true, credentials: serverCookie ? 'include' : 'omit' }).then((res) => {
        if (serverCookie) settle?.();
        done(res.status);
      }, done);
    }
  } catch (failure) {
    warn(`recordEndpoint: the receipt could not be sent (${failure}).`);
  }
}
