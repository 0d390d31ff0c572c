document.addEventListener('DOMContentLoaded', function () {
  var b = document.querySelector('.menu-toggle'), n = document.getElementById('nav');
  if (!b || !n) return;
  b.addEventListener('click', function () {
    var open = n.classList.toggle('open');
    b.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
