// The configurator's preview frame: its config comes from ?c= (JSON). Decisions made here
// are kept in a cookie of their own, scoped to this folder and deleted on every load, so
// the banner always shows again and the demo site's own choice is untouched.
(function () {
  var state = {};
  try {
    state = JSON.parse(new URLSearchParams(location.search).get('c') || '{}');
  } catch (e) {
    state = {};
  }
  var config = state.config || { categories: { necessary: { required: true }, analytics: {} } };
  config.cookie = { name: 'cg_configurator_preview', path: '/demo/configurator/' };
  document.cookie = 'cg_configurator_preview=; Max-Age=0; path=/demo/configurator/';
  window.consentGateConfig = config;
  var c = state.colours;
  if (c && /^#[0-9a-f]{6}$/i.test(c.accent) && /^[\d.]+(em)?$/.test(c.radius)) {
    var hex = c.accent;
    var lum = function (h) {
      var rgb = [1, 3, 5].map(function (i) {
        var x = parseInt(h.substr(i, 2), 16) / 255;
        return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    };
    var l = lum(hex);
    var onAccent = (1.05) / (l + 0.05) >= (l + 0.05) / (lum('#111111') + 0.05) ? '#ffffff' : '#111111';
    var s = document.createElement('style');
    s.textContent = 'consent-gate { --cg-accent: ' + hex + '; --cg-on-accent: ' + onAccent + '; --cg-radius: ' + c.radius + '; }';
    document.head.appendChild(s);
  }
})();
