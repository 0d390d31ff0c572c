// The cards open their text in a dialog: the text is fetched from /<lang>/card?id=<card>.
(function () {
  var dialog = document.getElementById('card-dialog');
  var body = document.getElementById('card-body');
  var lang = document.documentElement.lang;
  document.getElementById('card-close').addEventListener('click', function () { dialog.close(); });
  document.querySelectorAll('.card[data-card]').forEach(function (card) {
    card.addEventListener('click', function (event) {
      event.preventDefault();
      fetch('/' + lang + '/card?id=' + encodeURIComponent(card.getAttribute('data-card')))
        .then(function (answer) { return answer.text(); })
        .then(function (html) { body.innerHTML = html; dialog.showModal(); });
    });
  });
})();
