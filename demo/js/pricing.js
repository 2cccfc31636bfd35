// Pricing page: Stripe and PayPal checkout (necessary services, no consent needed).
(function () {
  'use strict';
  var status = document.getElementById('checkout-status');
  var stripe = window.Stripe('pk_test_kestrel_demo');
  document.querySelectorAll('[data-checkout]').forEach(function (button) {
    button.addEventListener('click', function () {
      var price = button.getAttribute('data-checkout');
      status.textContent = 'Opening Stripe Checkout for ' + price + '…';
      stripe.redirectToCheckout({ lineItems: [{ price: price, quantity: 1 }], mode: 'subscription' }).then(function () {
        status.textContent = 'Stripe Checkout opened for ' + price + '.';
      });
    });
  });
  document.querySelectorAll('[data-paypal]').forEach(function (el) {
    var price = el.getAttribute('data-paypal');
    window.paypal
      .Buttons({
        createOrder: function () {
          return 'ORDER-' + price;
        },
        onApprove: function (data) {
          status.textContent = 'PayPal approved ' + data.orderID + '.';
        },
      })
      .render(el);
  });
})();
