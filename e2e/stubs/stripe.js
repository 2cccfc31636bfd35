// Local stand-in for https://js.stripe.com/v3/: counts its runs and defines Stripe().
(function () {
  window.__stripeLoads = (window.__stripeLoads || 0) + 1;
  window.Stripe = function () {
    return {
      elements: function () {
        return {};
      },
    };
  };
})();
