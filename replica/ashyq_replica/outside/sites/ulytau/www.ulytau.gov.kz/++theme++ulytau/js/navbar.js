document.querySelectorAll('.navbar-toggle').forEach(function (b) {
  b.addEventListener('click', function () {
    var list = document.getElementById(b.getAttribute('aria-controls'));
    var open = list.classList.toggle('open');
    b.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
