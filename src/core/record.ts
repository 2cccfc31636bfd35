import type { ConsentReceipt } from './types';
import { warn } from './lib/log';

/**
 * Deliver a receipt without blocking the page. Sent as a JSON string with the
 * text/plain type sendBeacon uses, so a cross-origin endpoint needs no CORS preflight.
 */
export function sendReceipt(endpoint: string, receipt: ConsentReceipt): void {
  const body = JSON.stringify(receipt);
  try {
    if (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(endpoint, body)) return;
  } catch {
    /* fall through to fetch */
  }
  try {
    if (typeof fetch === 'function') {
      fetch(endpoint, { method: 'POST', body, keepalive: true, credentials: 'same-origin', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }).catch(
        (e: unknown) => warn(`recordEndpoint: the receipt could not be delivered (${String(e)}).`),
      );
    }
  } catch (e) {
    warn(`recordEndpoint: the receipt could not be delivered (${String(e)}).`);
  }
}
