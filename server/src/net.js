// @ts-check
// Client addresses: masking for storage, keys for rate limiting.
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Expand an IPv6 address to its eight 16-bit groups (IPv4-mapped tails included).
 * @param {string} ip
 * @returns {number[]}
 */
function groups(ip) {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16) || 0);
}

/** `::ffff:1.2.3.4` -> `1.2.3.4`; anything else unchanged. @param {string} ip */
export function unmap(ip) {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1] : ip;
}

/**
 * The address as stored when IP storage is on: IPv4 to its /24 (`203.0.113.0`), IPv6 to its
 * /48 (`2001:db8:85a3::`). Anything that is not an address is stored as ''.
 * @param {string | undefined} raw
 */
export function maskIp(raw) {
  const ip = unmap(raw || '');
  if (isIPv4(ip)) return ip.replace(/\.\d+$/, '.0');
  if (isIPv6(ip)) {
    const g = groups(ip);
    return `${g.slice(0, 3).map((x) => x.toString(16)).join(':')}::`;
  }
  return '';
}

/**
 * The rate-limit key: the IPv4 address, or the IPv6 /64 (one customer's network, which can
 * pick any address inside it).
 * @param {string | undefined} raw
 */
export function clientKey(raw) {
  const ip = unmap(raw || '');
  if (isIPv6(ip)) return `${groups(ip).slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`;
  return ip;
}

/**
 * The user agent as stored when UA storage is on: every version number cut to its major
 * (`Chrome/124.0.6367.91` -> `Chrome/124`), at most 200 characters. It still says browser,
 * engine and platform, which is what a dispute about how a banner looked needs.
 * @param {string | undefined} ua
 */
export function maskUserAgent(ua) {
  return (ua || '')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\b(\d+)(?:[._]\d+)+/g, '$1')
    .slice(0, 200);
}

/**
 * The client's address: the socket's peer, or with `trustProxy` the last X-Forwarded-For
 * entry (the one the proxy in front of this server appended).
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
export function clientAddress(req, trustProxy) {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const last = String(Array.isArray(xff) ? xff[xff.length - 1] : xff || '')
      .split(',')
      .pop()
      ?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress || '';
}
