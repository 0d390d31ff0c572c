// the home page carousel: the next slide every data-interval milliseconds
document.querySelectorAll('.carousel').forEach(function (c) {
  var slides = c.querySelectorAll('.slide'), i = 0;
  setInterval(function () { slides[i].classList.remove('on'); i = (i + 1) % slides.length; slides[i].classList.add('on'); }, +c.dataset.interval || 4000);
});
// the press centre's gallery switch
document.querySelectorAll('[data-show]').forEach(function (d) {
  d.addEventListener('click', function () {
    document.querySelectorAll('.pane').forEach(function (p) { p.hidden = p.id !== d.dataset.show; });
  });
});
