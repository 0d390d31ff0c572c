// бегущая строка
var strokaPos = 800;
function begStroka() {
  var el = document.getElementById('stroka_text');
  if (!el) return;
  el.style.position = 'relative';
  setInterval(function () {
    strokaPos = strokaPos - 2;
    if (strokaPos < -el.offsetWidth) strokaPos = 800;
    el.style.left = strokaPos + 'px';
  }, 30);
}
