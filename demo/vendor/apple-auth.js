// Local stand-in for https://appleid.cdn-apple.com/appleauth/static/jsapi/appleid/1/en_US/appleid.auth.js
// (demo only): AppleID.auth.init() and signIn() resolve locally.
(function () {
  if (window.AppleID) return;
  var config = {};
  window.AppleID = {
    auth: {
      init: function (options) {
        config = options || {};
      },
      signIn: function () {
        window.kestrelVendorDialog('Sign in with Apple (stand-in)', 'Here Apple would confirm your Apple ID for ' + config.clientId + '.');
        return Promise.resolve({ authorization: { code: 'stand-in', id_token: 'stand-in' } });
      },
    },
  };
})();
