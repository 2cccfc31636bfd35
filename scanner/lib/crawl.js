// @ts-check
// Which pages to visit: breadth-first over same-origin links, plus the URLs of the site's
// sitemap.xml. Pure helpers and the sitemap fetch; the order of visits lives in scan.js.

/** Links to files a browser downloads or shows without a page: not pages to scan. */
const NOT_A_PAGE = /\.(7z|avi|bmp|css|csv|dmg|docx?|eot|exe|gif|gz|ico|jpe?g|js|json|m4a|mov|mp3|mp4|mpe?g|ogg|otf|pdf|png|pptx?|rar|rss|svg|tar|tgz|tiff?|ttf|txt|wav|webm|webp|woff2?|xlsx?|xml|zip)$/i;

/**
 * The crawl's key for a link: absolute, without its fragment; null when the link leaves the
 * origin, is not http(s), or points at a file rather than a page.
 * @param {string} href
 * @param {string} origin  the scanned site's origin, e.g. `https://staging.example.com`
 * @param {string} [base]  the page the link is on
 * @returns {string | null}
 */
export function pageKey(href, origin, base = origin) {
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol != 'http:' && url.protocol != 'https:') return null;
  if (url.origin !== origin) return null;
  if (NOT_A_PAGE.test(url.pathname)) return null;
  url.hash = '';
  return url.href;
}

/**
 * The `<loc>` URLs of a sitemap or sitemap index, XML entities decoded.
 * @param {string} xml
 * @returns {{ kind: 'urlset' | 'sitemapindex' | 'none', locations: string[] }}
 */
export function parseSitemap(xml) {
  const kind = /<(?:\w+:)?sitemapindex[\s>]/.test(xml) ? 'sitemapindex' : /<(?:\w+:)?urlset[\s>]/.test(xml) ? 'urlset' : 'none';
  if (kind == 'none') return { kind, locations: [] };
  const locations = [];
  for (const match of xml.matchAll(/<(?:\w+:)?loc>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/(?:\w+:)?loc>/g)) {
    locations.push(
      match[1]
        .trim()
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  }
  return { kind, locations };
}

/**
 * @param {string} url
 * @param {string} origin
 */
function sameOrigin(url, origin) {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Fetch text with a time limit; null on any failure (no sitemap is a normal case).
 * @param {string} url
 * @param {number} timeoutMs
 */
async function fetchText(url, timeoutMs) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return null;
    return await response.text();
  } catch {
    return null;
  }
}

/**
 * The page URLs `origin/sitemap.xml` lists (following one level of sitemap index, at most
 * 20 child sitemaps), same-origin only, in their order. Empty when there is no sitemap.
 * @param {string} origin
 * @param {{ timeoutMs?: number, limit?: number }} [options]
 * @returns {Promise<string[]>}
 */
export async function sitemapPages(origin, { timeoutMs = 5000, limit = 1000 } = {}) {
  const root = await fetchText(`${origin}/sitemap.xml`, timeoutMs);
  if (!root) return [];
  const parsed = parseSitemap(root);
  let locations = parsed.locations;
  if (parsed.kind == 'sitemapindex') {
    const children = locations.filter((l) => sameOrigin(l, origin)).slice(0, 20);
    locations = [];
    for (const child of children) {
      const xml = await fetchText(child, timeoutMs);
      if (xml) locations.push(...parseSitemap(xml).locations);
    }
  }
  /** @type {string[]} */
  const pages = [];
  for (const location of locations) {
    const key = pageKey(location, origin);
    if (key && !pages.includes(key)) pages.push(key);
    if (pages.length >= limit) break;
  }
  return pages;
}
