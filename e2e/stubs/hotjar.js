// Local stand-in for https://static.hotjar.com/c/hotjar-<id>.js: counts its runs, sets a
// session cookie as Hotjar does, and reports a visit with fetch, as the real script does.
(function () {
  window.__hjLoads = (window.__hjLoads || 0) + 1;
  window.__hjQueued = ((window.hj && window.hj.q) || []).map(function (a) {
    return Array.prototype.slice.call(a);
  });
  document.cookie = '_hjSessionUser_1=eyJpZCI6InRlc3QifQ;path=/;max-age=31536000';
  fetch('https://in.hotjar.com/api/v2/client/sites/1/visit-data', { method: 'POST', body: '{}' }).catch(function () {});
})();
