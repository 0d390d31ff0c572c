(function () {
  var b = document.querySelector('.menu-toggle'), m = document.getElementById('menu');
  if (!b || !m) return;
  b.addEventListener('click', function () {
    var open = m.classList.toggle('open');
    b.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
