// Privacy policy: the cookie table is generated from the consent configuration the page
// runs on (ConsentGate.instance.config), with DOM APIs and textContent only.
(function () {
  'use strict';
  var TITLES = { necessary: 'Strictly necessary', preferences: 'Preferences', analytics: 'Analytics', marketing: 'Marketing' };

  /** A Text value (string or { [language]: string }) in the page's language. */
  function text(value, lang) {
    if (!value) return '';
    if (typeof value === 'string') return value;
    return value[lang] || value[lang.split('-')[0]] || value.en || value[Object.keys(value)[0]] || '';
  }
  /** A cookie name or pattern as visitors read it: /^_ga_/ becomes "_ga_*". */
  function cookieName(name) {
    if (typeof name === 'string') return name;
    var src = name.source.replace(/^\^/, '');
    return /\$$/.test(src) ? src.slice(0, -1) : src + '*';
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.append(c);
    });
    return node;
  }

  function render(consent) {
    var config = consent.config;
    var lang = consent.language;
    var state = consent.get();
    var host = document.getElementById('cookie-tables');
    host.textContent = '';

    config.categories.forEach(function (cat) {
      var services = config.services.filter(function (s) {
        return s.category === cat.key;
      });
      var title = text(cat.title, lang) || TITLES[cat.key] || cat.key;
      var section = el('section', { class: 'cookie-category', 'data-category': cat.key });
      var h3 = el('h3', {}, [title]);
      var badge = el('span', { class: 'badge ' + (state.categories[cat.key] ? 'on' : 'off') }, [
        cat.required ? 'Always on' : state.categories[cat.key] ? 'Allowed' : 'Not allowed',
      ]);
      h3.append(badge);
      section.append(h3);
      var desc = text(cat.description, lang);
      if (desc) section.append(el('p', { class: 'muted' }, [desc]));

      var table = el('table', { class: 'cookies' });
      table.append(el('caption', {}, [title + ': cookies and storage']));
      var headRow = el('tr');
      ['Name', 'Service', 'Provider', 'Purpose', 'Lifetime', 'Type'].forEach(function (h) {
        headRow.append(el('th', { scope: 'col' }, [h]));
      });
      table.append(el('thead', {}, [headRow]));
      var body = el('tbody');
      services.forEach(function (s) {
        var serviceName = text(s.title, lang) || s.key;
        var rows = s.cookies.map(function (c) {
          return { name: cookieName(c.name), provider: c.provider || s.provider || '', purpose: text(c.purpose, lang) || text(s.description, lang), lifetime: text(c.lifetime, lang), type: 'Cookie' };
        });
        s.storageKeys.forEach(function (k) {
          rows.push({ name: cookieName(k), provider: s.provider || '', purpose: text(s.description, lang), lifetime: 'Until deleted', type: 'Local storage' });
        });
        if (!rows.length) rows.push({ name: '—', provider: s.provider || '', purpose: text(s.description, lang) || 'Sets nothing in your browser.', lifetime: '—', type: 'None' });
        rows.forEach(function (r) {
          var serviceCell = el('td');
          if (s.privacyPolicyUrl && /^https?:\/\//.test(s.privacyPolicyUrl)) {
            serviceCell.append(el('a', { href: s.privacyPolicyUrl, rel: 'noopener' }, [serviceName]));
          } else serviceCell.append(serviceName);
          body.append(
            el('tr', { 'data-service': s.key }, [
              el('th', { scope: 'row' }, [el('code', {}, [r.name])]),
              serviceCell,
              el('td', {}, [r.provider]),
              el('td', {}, [r.purpose]),
              el('td', {}, [r.lifetime]),
              el('td', {}, [r.type]),
            ]),
          );
        });
      });
      if (cat.required) {
        // The consent cookie itself: strictly necessary, kept for the configured lifetime.
        body.append(
          el('tr', { 'data-service': 'consent-gate' }, [
            el('th', { scope: 'row' }, [el('code', {}, [config.cookie.name])]),
            el('td', {}, ['Cookie consent']),
            el('td', {}, ['Kestrel AI']),
            el('td', {}, ['Remembers your cookie choice and when you made it']),
            el('td', {}, [config.cookie.expiresDays + ' days']),
            el('td', {}, ['Cookie']),
          ]),
        );
      }
      table.append(body);
      section.append(el('div', { class: 'table-scroll' }, [table]));
      host.append(section);
    });

    var choice = document.getElementById('your-choice');
    choice.textContent = state.decided
      ? 'Your choice of ' + new Date(state.lastDecision).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }) + ' (consent id ' + state.id + ') applies until ' + new Date(state.expires).toLocaleDateString('en-GB', { dateStyle: 'long' }) + '.'
      : 'You have not made a cookie choice yet: only strictly necessary cookies are in use.';
  }

  window.kestrelWithConsent(function (consent) {
    render(consent);
    consent.on('consent', function () {
      render(consent);
    });
    consent.on('change', function () {
      render(consent);
    });
  });
})();
