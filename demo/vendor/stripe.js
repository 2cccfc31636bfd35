// Local stand-in for https://js.stripe.com/v3/ (demo only): Stripe(key).redirectToCheckout()
// opens a local dialog instead of Stripe Checkout. Sets __stripe_mid as Stripe.js does
// (a necessary, fraud-prevention cookie declared in consent-config.js).
(function () {
  if (window.Stripe) return;
  if (document.cookie.indexOf('__stripe_mid=') < 0) {
    document.cookie = '__stripe_mid=standin-' + Math.random().toString(36).slice(2) + ';path=/;max-age=31536000;SameSite=Lax';
  }
  window.Stripe = function (publishableKey) {
    return {
      redirectToCheckout: function (options) {
        var item = (options && options.lineItems && options.lineItems[0] && options.lineItems[0].price) || 'plan';
        window.kestrelVendorDialog('Stripe Checkout (stand-in)', 'Here Stripe would take the card payment for "' + item + '" (key ' + publishableKey + ').');
        return Promise.resolve({});
      },
    };
  };
})();
