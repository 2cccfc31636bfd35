// Local stand-in for https://www.paypal.com/sdk/js (demo only): paypal.Buttons({...}).render(el)
// renders one button that opens a local dialog instead of the PayPal pop-up.
(function () {
  if (window.paypal) return;
  window.paypal = {
    Buttons: function (options) {
      return {
        render: function (target) {
          var el = typeof target === 'string' ? document.querySelector(target) : target;
          if (!el) return Promise.reject(new Error('paypal stand-in: no container'));
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn btn-paypal btn-block';
          b.textContent = 'Pay with PayPal';
          b.addEventListener('click', function () {
            Promise.resolve(options && options.createOrder ? options.createOrder() : 'ORDER').then(function (orderId) {
              window.kestrelVendorDialog('PayPal (stand-in)', 'Here PayPal would approve order ' + orderId + '.');
              if (options && options.onApprove) options.onApprove({ orderID: orderId });
            });
          });
          el.appendChild(b);
          return Promise.resolve();
        },
      };
    },
  };
})();
