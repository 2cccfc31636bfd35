// A tiny modal the vendor stand-ins use to show what the real service would do.
(function () {
  window.kestrelVendorDialog = function (heading, message) {
    var back = document.createElement('div');
    back.className = 'vendor-modal';
    var box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', heading);
    var h = document.createElement('h2');
    h.textContent = heading;
    var p = document.createElement('p');
    p.textContent = message;
    var ok = document.createElement('button');
    ok.type = 'button';
    ok.className = 'btn btn-primary';
    ok.textContent = 'Close';
    var opener = document.activeElement;
    function done() {
      back.remove();
      document.removeEventListener('keydown', onKey);
      if (opener && opener.focus) opener.focus();
    }
    function onKey(e) {
      if (e.key === 'Escape') done();
    }
    ok.addEventListener('click', done);
    document.addEventListener('keydown', onKey);
    box.append(h, p, ok);
    back.appendChild(box);
    document.body.appendChild(back);
    ok.focus();
  };
})();
