// Sign-in page: Google, GitHub and Apple (necessary services, no consent needed).
(function () {
  'use strict';
  var status = document.getElementById('signin-status');
  function signedIn(provider) {
    // A real site would set its session cookie on the server; this one is declared
    // as the necessary "account" service in consent-config.js.
    document.cookie = 'kestrel_session=demo-' + provider + ';path=/;SameSite=Lax';
    status.textContent = 'Signed in with ' + provider + ' (demo).';
  }
  window.google.accounts.id.initialize({
    client_id: 'kestrel-demo.apps.googleusercontent.com',
    callback: function () {
      signedIn('Google');
    },
  });
  window.google.accounts.id.renderButton(document.getElementById('google-button'), { theme: 'outline', text: 'signin_with' });

  window.AppleID.auth.init({ clientId: 'example.kestrel.web', scope: 'name email', redirectURI: location.origin + '/demo/signin.html', usePopup: true });
  document.getElementById('apple-button').addEventListener('click', function () {
    window.AppleID.auth.signIn().then(function () {
      signedIn('Apple');
    });
  });

  // GitHub sign-in is a plain OAuth redirect; the demo shows where it would go instead.
  document.getElementById('github-button').addEventListener('click', function () {
    window.kestrelVendorDialog('Sign in with GitHub (stand-in)', 'Here the browser would go to https://github.com/login/oauth/authorize?client_id=kestrel-demo and come back signed in.');
    signedIn('GitHub');
  });

  document.getElementById('email-form').addEventListener('submit', function (e) {
    e.preventDefault();
    status.textContent = 'Demo: no email is sent.';
  });
})();
