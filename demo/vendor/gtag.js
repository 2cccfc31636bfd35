// Local stand-in for https://www.googletagmanager.com/gtag/js (demo only).
// Like the real tag it reads window.dataLayer, follows Google Consent Mode, and sets
// first-party _ga cookies on "config" when analytics_storage is granted; unlike it,
// it sends nothing anywhere. Page views are listed in window.kestrelAnalytics.
(function () {
  if (window.kestrelGtagStandIn) return;
  window.kestrelGtagStandIn = true;
  var dl = (window.dataLayer = window.dataLayer || []);
  var consent = {};
  var hits = (window.kestrelAnalytics = window.kestrelAnalytics || []);
  var id = (/[?&]id=([^&]+)/.exec((document.currentScript && document.currentScript.src) || '') || [])[1] || 'G-DEMO';

  function cookie(name, value) {
    document.cookie = name + '=' + value + ';path=/;max-age=63072000;SameSite=Lax';
  }
  function handle(cmd) {
    // gtag() pushes an arguments object; anything else (GTM-style objects) is ignored here.
    if (!cmd || typeof cmd !== 'object' || typeof cmd.length !== 'number') return;
    if (cmd[0] === 'consent' && cmd[2]) {
      for (var k in cmd[2]) consent[k] = cmd[2][k];
    } else if (cmd[0] === 'config') {
      var granted = consent.analytics_storage !== 'denied';
      if (granted) {
        var now = Math.floor(Date.now() / 1000);
        if (document.cookie.indexOf('_ga=') < 0) cookie('_ga', 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + now);
        cookie('_ga_' + String(cmd[1] || id).replace(/^G-/, ''), 'GS1.1.' + now + '.1.0.' + now + '.0.0.0');
      }
      if (!(cmd[2] && cmd[2].send_page_view === false)) {
        hits.push({ event: 'page_view', id: cmd[1], page: location.pathname, cookies: granted, consent: JSON.parse(JSON.stringify(consent)) });
      }
    } else if (cmd[0] === 'event') {
      hits.push({ event: cmd[1], page: (cmd[2] && cmd[2].page_path) || location.pathname, consent: JSON.parse(JSON.stringify(consent)) });
    }
  }
  for (var i = 0; i < dl.length; i++) handle(dl[i]);
  var push = dl.push;
  dl.push = function () {
    for (var j = 0; j < arguments.length; j++) handle(arguments[j]);
    return push.apply(dl, arguments);
  };
})();
