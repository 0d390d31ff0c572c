(function () {
  // FAQ block: a question opens and closes its answer
  var items = document.querySelectorAll('.tl-faq-item');
  for (var i = 0; i < items.length; i++) {
    (function (item) {
      item.querySelector('.tl-faq-q').addEventListener('click', function () {
        item.classList.toggle('open');
      });
    })(items[i]);
  }
})();
