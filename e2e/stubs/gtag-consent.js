// Consent-aware stand-in for https://www.googletagmanager.com/gtag/js (advanced Consent Mode):
// reads the consent state from the dataLayer; sets _ga only once analytics_storage is granted,
// sends a cookieless ping while it is denied, and follows later updates pushed to the dataLayer.
(function () {
  window.__gtagLoads = (window.__gtagLoads || 0) + 1;
  var dl = (window.dataLayer = window.dataLayer || []);
  var state = {};
  var pings = (window.__gtagPings = window.__gtagPings || []);
  function apply(e) {
    if (e && e[0] === 'consent' && e[2] && !e[2].region) Object.assign(state, e[2]);
    if (e && (e[0] === 'config' || e[0] === 'consent')) act();
  }
  function act() {
    if (state.analytics_storage === 'granted') document.cookie = '_ga=GA1.1.' + Date.now() + ';path=/;max-age=63072000';
    pings.push(state.analytics_storage === 'granted' ? 'G1' : 'G0');
  }
  for (var i = 0; i < dl.length; i++) apply(dl[i]);
  window.__gtagConsentSeen = Object.assign({}, state);
  var push = dl.push;
  dl.push = function () {
    for (var j = 0; j < arguments.length; j++) apply(arguments[j]);
    return push.apply(dl, arguments);
  };
})();
