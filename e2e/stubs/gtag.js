// Local stand-in for https://www.googletagmanager.com/gtag/js: counts its runs,
// sets _ga on the registrable domain as GA4 does, and sends a "collect" request.
(function () {
  window.__gtagLoads = (window.__gtagLoads || 0) + 1;
  window.__order = (window.__order || []).concat('gtag.js');
  var host = location.hostname;
  var parts = host.split('.');
  var domain = parts.length > 1 && !/^[\d.]+$/.test(host) ? ';domain=.' + parts.slice(-2).join('.') : '';
  document.cookie = '_ga=GA1.1.' + Date.now() + domain + ';path=/;max-age=63072000';
  document.cookie = '_ga_TEST=GS1.1.' + Date.now() + domain + ';path=/;max-age=63072000';
  var consent = {};
  (window.dataLayer || []).forEach(function (e) {
    if (e && e[0] === 'consent') Object.assign(consent, e[2]);
  });
  window.__gtagConsentSeen = consent;
  // The commands queued before it loaded, by name (gtag('config', ...) is ['config', id]).
  window.__gtagCommands = (window.dataLayer || []).map(function (e) {
    return e && e[0];
  });
  new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view';
})();
