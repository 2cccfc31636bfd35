// The consent log's admin page: look up a consent id, show its receipts, verify the chain.
// Talks to the log's admin API (Authorization: Bearer <token>) on this origin, where
// `npm start` mounts it at /consent-log/. Everything is rendered with textContent.
(() => {
  const API = '/consent-log';
  const KEY = 'consent-log-token';
  const $ = (id) => document.getElementById(id);
  const token = () => sessionStorage.getItem(KEY) || '';

  /** GET an admin route; resolves with [status, body]. */
  async function call(path) {
    const res = await fetch(API + path, { headers: { authorization: `Bearer ${token()}` }, cache: 'no-store' });
    let body = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    return [res.status, body];
  }

  const problem = (status, body) =>
    status === 401 ? 'The token is missing or wrong.' : status === 404 ? (body && body.error) || 'Not found.' : status === 503 ? 'The consent log cannot reach its database right now.' : `The consent log answered ${status}${body && body.error ? `: ${body.error}` : ''}.`;

  function say(el, text, bad) {
    el.textContent = text;
    el.classList.toggle('bad', !!bad);
  }

  /** "analytics, marketing" granted / refused, from a name -> boolean map. */
  function choices(map) {
    const td = document.createElement('td');
    const names = Object.keys(map || {});
    if (!names.length) td.textContent = '—';
    for (const name of names) {
      const line = document.createElement('div');
      line.textContent = `${map[name] ? '✓' : '✗'} ${name}`;
      if (map[name]) line.className = 'granted';
      td.append(line);
    }
    return td;
  }

  const cell = (text) => {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  };
  const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

  async function lookup(id) {
    const status = $('status');
    const table = $('receipts');
    table.hidden = true;
    say(status, `Looking up ${id}…`);
    const [code, body] = await call(`/v1/receipts/${encodeURIComponent(id)}`).catch(() => [0, null]);
    if (code !== 200) return say(status, code ? problem(code, body) : 'The consent log did not answer.', true);
    const tbody = table.tBodies[0];
    tbody.replaceChildren(
      ...body.receipts.map((r, i) => {
        const tr = document.createElement('tr');
        tr.append(cell(String(i + 1)), cell(when(r.timestamp)), cell(when(r.receivedAt)), cell(r.method), choices(r.categories), choices(r.services), cell(r.gpc ? 'on' : 'off'), cell(r.revision), cell(r.url));
        return tr;
      }),
    );
    table.hidden = false;
    say(status, `${body.receipts.length} receipt${body.receipts.length === 1 ? '' : 's'} for consent id ${body.id}, oldest decision first.`);
  }

  /** This browser's consent id, from the demo's consent cookie. */
  function myId() {
    const raw = document.cookie.split('; ').find((c) => c.startsWith('consent_gate='));
    try {
      return raw ? JSON.parse(decodeURIComponent(raw.slice('consent_gate='.length))).i : '';
    } catch {
      return '';
    }
  }

  function showTokenState() {
    say($('token-state'), token() ? 'A token is set for this tab.' : 'No token yet.');
  }

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('token').value.trim());
    $('token').value = '';
    showTokenState();
  });
  $('lookup-form').addEventListener('submit', (e) => {
    e.preventDefault();
    lookup($('consent-id').value.trim());
  });
  $('mine').addEventListener('click', () => {
    const id = myId();
    if (!id) return say($('status'), 'This browser has no consent choice yet: decide on a demo page first.', true);
    $('consent-id').value = id;
    lookup(id);
  });
  $('verify').addEventListener('click', async () => {
    const out = $('verify-state');
    say(out, 'Verifying…');
    const [code, v] = await call('/v1/verify').catch(() => [0, null]);
    if (code !== 200) return say(out, code ? problem(code, v) : 'The consent log did not answer.', true);
    if (v.ok) say(out, `Intact: ${v.count} receipts chained (${v.erased} erased), head seq ${v.head.seq}, hash ${v.head.hash.slice(0, 16)}…`);
    else say(out, `BROKEN at seq ${v.break.seq} (consent id ${v.break.id || 'unknown'}): ${v.break.reason}`, true);
  });

  showTokenState();
  const fromUrl = new URLSearchParams(location.search).get('id');
  if (fromUrl) {
    $('consent-id').value = fromUrl;
    if (token()) lookup(fromUrl);
  }
})();
