/* qaindy theme: the phone menu toggle and the home page banner carousel with its pause button */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var nav = document.querySelector(".wpthemeTopNav");
    var toggle = document.querySelector(".wpthemeNavToggle");
    if (nav && toggle) {
      toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("is-open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    var carousel = document.querySelector(".wpCarousel");
    if (!carousel) { return; }
    var slides = carousel.querySelectorAll(".wpCarouselSlide");
    var pause = carousel.querySelector(".wpCarouselPause");
    var current = 0;
    var timer = null;
    function show(i) {
      slides[current].classList.remove("is-active");
      current = (i + slides.length) % slides.length;
      slides[current].classList.add("is-active");
    }
    function start() { timer = window.setInterval(function () { show(current + 1); }, parseInt(carousel.getAttribute("data-interval"), 10) || 5000); }
    function stop() { window.clearInterval(timer); timer = null; }
    if (slides.length > 1) { start(); }
    if (pause) {
      pause.addEventListener("click", function () {
        if (timer) { stop(); pause.textContent = pause.getAttribute("data-go"); pause.setAttribute("aria-pressed", "true"); }
        else { start(); pause.textContent = pause.getAttribute("data-stop"); pause.setAttribute("aria-pressed", "false"); }
      });
    }
  });
})();
