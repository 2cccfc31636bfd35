import type { ConsentReceipt } from './types';
import { warn } from './lib/log';

/**
 * Deliver a receipt without blocking the page: `sendBeacon`, else `fetch` with keepalive.
 * The body is the JSON string with sendBeacon's text/plain type, so a cross-origin
 * endpoint needs no CORS preflight.
 */
export function sendReceipt(endpoint: string, receipt: ConsentReceipt): void {
  const body = JSON.stringify(receipt);
  const fail = (reason: unknown) => warn(`recordEndpoint: the receipt could not be sent (${String(reason)}).`);
  try {
    if (!navigator.sendBeacon?.(endpoint, body)) fetch(endpoint, { method: 'POST', body, keepalive: true }).catch(fail);
  } catch (thrown) {
    fail(thrown);
  }
}
