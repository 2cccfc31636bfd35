// The configurator: form -> config object -> live preview (an iframe running the real
// script-tag build) and a copyable snippet. DOM APIs and textContent only.
(function () {
  'use strict';
  var form = document.getElementById('cfg-form');
  var preview = document.getElementById('preview');
  var snippetEl = document.getElementById('snippet');
  var catalogue = window.consentGateCatalogue || {};
  var CATEGORY_TITLES = { necessary: 'Strictly necessary', preferences: 'Preferences', analytics: 'Analytics', marketing: 'Marketing' };
  var MEDIA = ['youtube', 'vimeo', 'google-maps'];
  var DEFAULT_ACCENT = '#0b57d0';
  var DEFAULT_RADIUS = '0.5em';

  // ---------- services, grouped by category
  var groups = {};
  Object.keys(catalogue).forEach(function (name) {
    var cat = catalogue[name].category;
    (groups[cat] = groups[cat] || []).push(name);
  });
  var servicesHost = document.getElementById('services');
  ['necessary', 'preferences', 'analytics', 'marketing'].concat(Object.keys(groups).filter(function (c) {
    return !CATEGORY_TITLES[c];
  })).forEach(function (cat) {
    if (!groups[cat]) return;
    var group = document.createElement('div');
    group.className = 'cfg-group';
    var h = document.createElement('h3');
    h.textContent = CATEGORY_TITLES[cat] || cat;
    group.appendChild(h);
    groups[cat].sort().forEach(function (name) {
      var label = document.createElement('label');
      label.className = 'cfg-check';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'service';
      box.value = name;
      box.setAttribute('data-category', cat);
      label.append(box, ' ' + (catalogue[name].title || name));
      group.appendChild(label);
    });
    servicesHost.appendChild(group);
  });
  ['google-analytics', 'youtube'].forEach(function (name) {
    var box = form.querySelector('input[name="service"][value="' + name + '"]');
    if (box) box.checked = true;
  });

  // ---------- languages: English is built in; others come from loaded translation files
  var languages = ['en'].concat(Object.keys(window.consentGateTranslations || {}).filter(function (l) {
    return l !== 'en';
  }));
  var names = typeof Intl !== 'undefined' && Intl.DisplayNames ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
  var langSelect = document.getElementById('language');
  languages.forEach(function (code) {
    var o = document.createElement('option');
    o.value = code;
    o.textContent = (names ? names.of(code) : code) + ' (' + code + ')';
    langSelect.appendChild(o);
  });

  // ---------- script location: this package version on jsDelivr
  var base = document.getElementById('base');
  base.value = 'https://cdn.jsdelivr.net/npm/consent-gate@0.1.0/dist';
  fetch('/package.json')
    .then(function (r) {
      return r.ok ? r.json() : null;
    })
    .then(function (pkg) {
      if (pkg && pkg.version && base.value === 'https://cdn.jsdelivr.net/npm/consent-gate@0.1.0/dist') {
        base.value = 'https://cdn.jsdelivr.net/npm/consent-gate@' + pkg.version + '/dist';
        update();
      }
    })
    .catch(function () {
      /* keep the default */
    });

  // ---------- colours: text on the buttons is white or near-black, whichever reads better
  function luminance(hex) {
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }
  function contrast(a, b) {
    var x = luminance(a);
    var y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function colours(accent) {
    var onAccent = contrast(accent, '#ffffff') >= contrast(accent, '#111111') ? '#ffffff' : '#111111';
    return { accent: accent, onAccent: onAccent, ratio: contrast(accent, onAccent) };
  }

  // ---------- form -> config
  function read() {
    var v = function (id) {
      return document.getElementById(id).value.trim();
    };
    var cats = { necessary: { required: true } };
    var services = {};
    form.querySelectorAll('input[name="service"]:checked').forEach(function (box) {
      var cat = box.getAttribute('data-category');
      var catBox = form.querySelector('input[name="category"][value="' + cat + '"]');
      if (catBox && !catBox.checked) catBox.checked = true; // a service needs its category
      services[box.value] = box.value;
    });
    form.querySelectorAll('input[name="category"]:checked').forEach(function (box) {
      cats[box.value] = {};
    });
    var config = { revision: v('revision') || '1' };
    if (v('policy')) config.privacyPolicyUrl = v('policy');
    config.categories = cats;
    if (Object.keys(services).length) config.services = services;
    if (document.getElementById('consent-mode').checked) config.googleConsentMode = true;
    if (v('language') !== 'en') config.language = v('language');
    var ui = { layout: v('layout'), position: v('position'), theme: v('theme') };
    var floating = v('floating');
    ui.floatingButton = floating === 'none' ? false : floating;
    if (document.getElementById('blocking').checked) ui.blocking = true;
    config.ui = ui;
    var accent = /^#[0-9a-f]{6}$/i.test(v('accent')) ? v('accent').toLowerCase() : DEFAULT_ACCENT;
    var radius = v('radius');
    return { config: config, colours: accent !== DEFAULT_ACCENT || radius !== DEFAULT_RADIUS ? { accent: accent, radius: radius } : null, media: Object.keys(services).some(function (s) { return MEDIA.indexOf(s) >= 0; }) };
  }

  /** JSON safe inside <script>: no "</script>" can end it early. */
  function json(value) {
    return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
  }
  function style(c) {
    var col = colours(c.accent);
    return 'consent-gate { --cg-accent: ' + col.accent + '; --cg-on-accent: ' + col.onAccent + '; --cg-radius: ' + c.radius + '; }';
  }

  function snippet(state) {
    var url = (base.value.trim() || '.').replace(/\/+$/, '');
    var lines = ['<!-- consent-gate: in <head>, before any tag it should gate. -->', '<script>', '  window.consentGateConfig = ' + json(state.config).replace(/\n/g, '\n  ') + ';', '</script>'];
    if (state.colours) lines.push('<style>' + style(state.colours) + '</style>');
    if (state.config.services) lines.push('<script src="' + url + '/consent-gate.catalogue.js"></script>');
    lines.push('<script src="' + url + '/consent-gate.js"></script>');
    if (state.media) lines.push('<script src="' + url + '/consent-gate.embeds.js"></script>');
    return lines.join('\n');
  }

  var timer;
  var lastPreview = '';
  // data-loaded names the settings the frame shows now (tests wait for it).
  preview.addEventListener('load', function () {
    preview.setAttribute('data-loaded', preview.getAttribute('src'));
  });
  function update() {
    var state = read();
    snippetEl.textContent = snippet(state);
    var col = colours(state.colours ? state.colours.accent : DEFAULT_ACCENT);
    document.getElementById('contrast-note').textContent =
      'Button text contrast ' + col.ratio.toFixed(1) + ':1' + (col.ratio < 4.5 ? ': below 4.5:1, choose a darker or lighter colour.' : ' (WCAG AA needs 4.5:1).');
    clearTimeout(timer);
    timer = setTimeout(function () {
      var src = '/demo/configurator/preview.html?c=' + encodeURIComponent(JSON.stringify(state));
      if (src !== lastPreview) preview.src = lastPreview = src;
    }, 150);
  }
  // A service needs its category: checking one checks the category; unchecking a category
  // unchecks its services.
  form.addEventListener('input', function (e) {
    var t = e.target;
    if (t.name === 'category' && !t.checked) {
      form.querySelectorAll('input[name="service"][data-category="' + t.value + '"]').forEach(function (box) {
        box.checked = false;
      });
    }
  });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });

  document.getElementById('copy').addEventListener('click', function () {
    var status = document.getElementById('copy-status');
    var text = snippetEl.textContent;
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(snippetEl);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = 'Copied to the clipboard.';
      }, fallback);
    } else fallback();
  });

  update();
  window.kestrelConfigurator = { read: read, snippet: function () { return snippetEl.textContent; } };
})();
