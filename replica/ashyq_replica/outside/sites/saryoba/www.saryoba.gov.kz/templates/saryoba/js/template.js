/* saryoba template: the home slideshow and the gallery lightbox */
document.addEventListener('DOMContentLoaded', function () {
  var show = document.querySelector('.sy-slideshow');
  if (show) {
    var slides = show.querySelectorAll('.sy-slide'), i = 0;
    setInterval(function () {
      slides[i].classList.remove('active');
      i = (i + 1) % slides.length;
      slides[i].classList.add('active');
    }, parseInt(show.getAttribute('data-interval'), 10) || 4000);
  }
  var box = document.getElementById('sy-lightbox');
  if (!box) return;
  var img = box.querySelector('img'), cap = box.querySelector('figcaption'), close = box.querySelector('.sy-lightbox-close'), opener = null;
  function hide() { box.hidden = true; if (opener) opener.focus(); }
  document.querySelectorAll('a.sy-lightbox').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      opener = a;
      var thumb = a.querySelector('img');
      img.src = a.getAttribute('href');
      img.alt = thumb ? thumb.alt : '';
      cap.textContent = a.getAttribute('data-caption') || '';
      box.hidden = false;
      close.focus();
    });
  });
  close.addEventListener('click', hide);
  box.addEventListener('click', function (e) { if (e.target === box) hide(); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !box.hidden) hide(); });
});
