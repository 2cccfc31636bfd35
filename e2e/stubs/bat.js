// Local stand-in for https://bat.bing.com/bat.js (Microsoft UET): the UET snippet calls
// `new UET({ q: uetq })` after this loads. Records the queued and later pushes as strings
// ("consent default denied", "pageLoad") and sets _uetsid/_uetvid only while ad_storage is granted.
(function () {
  var log = (window.__uetLog = window.__uetLog || []);
  var granted = false;
  function take(list) {
    for (var i = 0; i < list.length; i++) {
      var x = list[i];
      if (x === 'consent') {
        var p = list[i + 2] || {};
        log.push('consent ' + list[i + 1] + ' ' + p.ad_storage);
        granted = p.ad_storage === 'granted';
        i += 2;
      } else log.push(typeof x === 'string' ? x : 'event');
    }
    if (granted) {
      document.cookie = '_uetsid=s' + Date.now() + ';path=/;max-age=86400';
      document.cookie = '_uetvid=v' + Date.now() + ';path=/;max-age=33696000';
    }
  }
  window.UET = function (o) {
    take(o.q || []);
    this.push = function () {
      take(Array.prototype.slice.call(arguments));
    };
  };
  window.__uetLoaded = (window.__uetLoaded || 0) + 1;
})();
