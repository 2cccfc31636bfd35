// A first-party script of the auto-blocking cost page (bench/pages/autoblock.html), loaded 16 times
// as first-party.js?n=1..16. It records that it ran and does a little DOM work, as a site's own
// scripts do, so the page has something for auto-blocking to leave alone.
(function () {
  var n = (document.currentScript && new URL(document.currentScript.src).searchParams.get('n')) || '?';
  window.__firstParty = (window.__firstParty || []).concat('src-' + n);
  var card = document.getElementById('card-' + n);
  if (card) card.setAttribute('data-enhanced', n);
})();
