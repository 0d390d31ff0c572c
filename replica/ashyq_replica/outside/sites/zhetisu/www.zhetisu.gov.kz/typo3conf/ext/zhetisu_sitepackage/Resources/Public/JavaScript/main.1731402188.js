/* zhetisu_sitepackage main.js: navigation toggle, home carousel */
(function () {
  'use strict';
  document.documentElement.classList.remove('no-js');

  var toggler = document.querySelector('.navbar-toggler');
  var nav = document.querySelector('.mainnavigation');
  if (toggler && nav) {
    toggler.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggler.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  var carousel = document.getElementById('home-carousel');
  if (carousel) {
    var slides = carousel.querySelectorAll('.carousel-item');
    var pause = carousel.querySelector('.carousel-pause');
    var current = 0;
    var timer = null;
    var show = function (n) {
      slides[current].classList.remove('active');
      slides[current].setAttribute('aria-hidden', 'true');
      current = (n + slides.length) % slides.length;
      slides[current].classList.add('active');
      slides[current].removeAttribute('aria-hidden');
    };
    var play = function () {
      if (!timer && slides.length > 1) {
        timer = window.setInterval(function () { show(current + 1); }, 6000);
      }
    };
    var stop = function () {
      window.clearInterval(timer);
      timer = null;
    };
    carousel.querySelector('.carousel-next').addEventListener('click', function () { show(current + 1); });
    carousel.querySelector('.carousel-prev').addEventListener('click', function () { show(current - 1); });
    pause.addEventListener('click', function () {
      if (timer) {
        stop();
        pause.textContent = pause.getAttribute('data-play');
        pause.setAttribute('aria-pressed', 'true');
      } else {
        play();
        pause.textContent = pause.getAttribute('data-pause');
        pause.setAttribute('aria-pressed', 'false');
      }
    });
    play();
  }
})();
