// Local stand-in for https://accounts.google.com/gsi/client (demo only):
// google.accounts.id.initialize() and renderButton(), without a Google round trip.
(function () {
  if (window.google && window.google.accounts) return;
  var settings = {};
  window.google = {
    accounts: {
      id: {
        initialize: function (options) {
          settings = options || {};
        },
        renderButton: function (el, options) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn';
          var icon = document.createElement('span');
          icon.className = 'provider-icon google';
          icon.setAttribute('aria-hidden', 'true');
          b.append(icon, (options && options.text === 'signup_with' ? 'Sign up' : 'Sign in') + ' with Google');
          b.addEventListener('click', function () {
            window.kestrelVendorDialog('Google sign-in (stand-in)', 'Here Google would ask you to choose an account for client ' + settings.client_id + '.');
            if (settings.callback) settings.callback({ credential: 'stand-in-id-token', select_by: 'btn' });
          });
          el.appendChild(b);
        },
        prompt: function () {},
        disableAutoSelect: function () {},
      },
    },
  };
})();
