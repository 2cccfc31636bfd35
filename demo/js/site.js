// Shared behaviour of the demo pages: the theme switch (stored only with "preferences"
// consent), the consent status line in the footer, and "allow and load" buttons.
// Plain DOM APIs and textContent only.
(function () {
  'use strict';

  /** Run fn with the page's consent instance, now or once consent-gate is ready. */
  function withConsent(fn) {
    var cg = window.ConsentGate;
    if (cg && cg.instance) return fn(cg.instance);
    // `ready` fires while init() runs, before ConsentGate.instance is assigned: wait a tick.
    window.addEventListener(
      'consent-gate:ready',
      function () {
        setTimeout(function () {
          if (window.ConsentGate && window.ConsentGate.instance) fn(window.ConsentGate.instance);
        }, 0);
      },
      { once: true },
    );
  }
  window.kestrelWithConsent = withConsent;

  var LABELS = { necessary: 'Strictly necessary', preferences: 'Preferences', analytics: 'Analytics', marketing: 'Marketing' };

  withConsent(function (consent) {
    // Theme: saved to localStorage only while "site-preferences" is granted.
    var toggle = document.getElementById('theme-toggle');
    var root = document.documentElement;
    function paintToggle() {
      var dark = root.getAttribute('data-theme') === 'dark';
      toggle.setAttribute('aria-pressed', String(dark));
      toggle.textContent = dark ? 'Light mode' : 'Dark mode';
    }
    if (toggle) {
      paintToggle();
      toggle.addEventListener('click', function () {
        var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
        root.setAttribute('data-theme', next);
        paintToggle();
        if (consent.hasService('site-preferences')) {
          try {
            localStorage.setItem('kestrel-theme', next);
          } catch (e) {
            /* storage blocked */
          }
        }
      });
    }

    // Footer: what is granted now.
    var status = document.getElementById('consent-status');
    function paintStatus() {
      if (!status) return;
      var snap = consent.get();
      status.textContent = '';
      if (!snap.decided) {
        status.textContent = 'Cookie choice: not made yet.';
        return;
      }
      status.append('Cookie choice: ');
      Object.keys(snap.categories).forEach(function (key, i) {
        if (i) status.append(' · ');
        var b = document.createElement('span');
        b.className = 'badge ' + (snap.categories[key] ? 'on' : 'off');
        b.textContent = (LABELS[key] || key) + (snap.categories[key] ? ' on' : ' off');
        status.append(b);
      });
    }
    paintStatus();
    consent.on('consent', paintStatus);
    consent.on('change', paintStatus);

    // <button data-allow="marketing">: grant one category from a placeholder.
    document.addEventListener('click', function (e) {
      var el = e.target instanceof Element ? e.target.closest('[data-allow]') : null;
      if (!el) return;
      var grant = {};
      grant[el.getAttribute('data-allow')] = true;
      consent.set(grant);
    });
  });

  // Which third-party scripts this page uses (see js/head.js).
  var vendors = document.getElementById('vendor-mode');
  if (vendors) {
    vendors.textContent =
      document.documentElement.getAttribute('data-vendors') === 'live'
        ? 'Third-party scripts: real, with local stand-ins as fallback.'
        : 'Third-party scripts: local stand-ins (demo/vendor/), so nothing leaves your machine.';
  }
})();
