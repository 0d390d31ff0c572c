(function () {
  // The home page's photo strip turns by itself every data-interval milliseconds; it has no controls.
  var slider = document.querySelector('.slider');
  if (!slider) return;
  var slides = slider.querySelectorAll('.slide');
  var i = 0;
  setInterval(function () {
    slides[i].classList.remove('is-active');
    i = (i + 1) % slides.length;
    slides[i].classList.add('is-active');
  }, parseInt(slider.getAttribute('data-interval'), 10) || 5000);
})();
