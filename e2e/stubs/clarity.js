// Local stand-in for https://www.clarity.ms/tag/<id>: records the queued and later calls and
// sets _clck/_clsk only while analytics_Storage is granted.
(function () {
  var calls = (window.__clarityCalls = window.__clarityCalls || []);
  function handle(args) {
    calls.push(args);
    if (args[0] === 'consentv2' && args[1] && args[1].analytics_Storage === 'granted') {
      document.cookie = '_clck=c' + Date.now() + ';path=/;max-age=31536000';
      document.cookie = '_clsk=k' + Date.now() + ';path=/;max-age=86400';
    }
  }
  var q = (window.clarity && window.clarity.q) || [];
  q.forEach(function (a) {
    handle(Array.prototype.slice.call(a));
  });
  window.clarity = function () {
    handle(Array.prototype.slice.call(arguments));
  };
  window.__clarityLoaded = (window.__clarityLoaded || 0) + 1;
})();
