// Runs first in <head> on every demo page, before consent-gate.
// 1. Applies the saved theme early (the key exists only if "preferences" was granted:
//    consent-gate deletes it on withdrawal, see services['site-preferences'].storageKeys).
// 2. Points third-party URLs at local stand-ins (demo/vendor/), so the demo works offline
//    and never contacts a real vendor. Add ?live to a page's URL to use the real URLs;
//    a real script that fails to load then falls back to its stand-in.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('kestrel-theme');
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  } catch (e) {
    /* storage blocked: default theme */
  }

  // Real URL prefix -> local stand-in; the rest of the URL is kept.
  var STAND_INS = [
    ['https://www.googletagmanager.com/gtag/js', '/demo/vendor/gtag.js'],
    ['https://widget.helpdock.example/v2/chat.js', '/demo/vendor/helpdock.js'],
    ['https://www.youtube-nocookie.com/embed/', '/demo/vendor/youtube-embed.html#'],
  ];
  function standIn(url) {
    for (var i = 0; i < STAND_INS.length; i++) {
      if (url && url.indexOf(STAND_INS[i][0]) === 0) return STAND_INS[i][1] + url.slice(STAND_INS[i][0].length);
    }
    return null;
  }
  var live = /[?&]live(=|&|$)/.test(location.search);
  root.setAttribute('data-vendors', live ? 'live' : 'stand-in');
  window.kestrelStandIn = standIn;

  // Rewrite gated elements before consent-gate scans them: this listener is registered
  // before consent-gate's own DOMContentLoaded listener, so it runs first.
  function rewrite(scope) {
    var els = scope.querySelectorAll('script[data-consent][src], [data-consent][data-src]');
    for (var i = 0; i < els.length; i++) {
      var attr = els[i].hasAttribute('data-src') ? 'data-src' : 'src';
      var local = standIn(els[i].getAttribute(attr));
      if (local) {
        els[i].setAttribute('data-real-url', els[i].getAttribute(attr));
        els[i].setAttribute(attr, local);
      }
    }
  }
  if (!live) {
    document.addEventListener('DOMContentLoaded', function () {
      rewrite(document);
    });
    return;
  }
  // Live mode: a real script that cannot load is replaced by its stand-in.
  document.addEventListener(
    'error',
    function (e) {
      var el = e.target;
      if (!el || el.tagName !== 'SCRIPT' || el.hasAttribute('data-stand-in')) return;
      var local = standIn(el.src);
      if (!local) return;
      var s = document.createElement('script');
      s.src = local;
      s.setAttribute('data-stand-in', '');
      document.head.appendChild(s);
    },
    true,
  );
})();
