(function () {
  var b = document.querySelector('.menu-toggle'), n = document.getElementById('main-nav');
  if (!b || !n) return;
  b.addEventListener('click', function () {
    var open = n.classList.toggle('open');
    b.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
