// Local stand-in for https://connect.facebook.net/en_US/fbevents.js: records, in order, the
// calls queued before it loaded and every later call; sets _fbp only while consent is granted.
(function () {
  var f = window.fbq;
  var calls = (window.__fbCalls = window.__fbCalls || []);
  var granted = false;
  function handle(args) {
    calls.push(args);
    if (args[0] === 'consent') granted = args[1] === 'grant';
    if (granted && (args[0] === 'track' || args[0] === 'consent')) document.cookie = '_fbp=fb.1.' + Date.now() + '.1;path=/;max-age=7776000';
  }
  (f.queue || []).forEach(function (a) {
    handle(Array.prototype.slice.call(a));
  });
  f.queue = [];
  f.callMethod = function () {
    handle(Array.prototype.slice.call(arguments));
  };
  window.__fbLoaded = (window.__fbLoaded || 0) + 1;
})();
