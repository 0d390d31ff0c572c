/* sharyn.master: quick launch on phones and the home page's image rotator */
(function () {
  var box = document.getElementById("sideNavBox");
  var toggle = document.getElementById("ql-toggle");
  if (box && toggle) {
    toggle.addEventListener("click", function () {
      var open = box.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  var rotator = document.getElementById("heroRotator");
  if (!rotator) { return; }
  var slides = rotator.querySelectorAll(".slide");
  var dots = rotator.querySelectorAll(".dot");
  var current = 0;
  window.sharynRotate = function (i) {
    slides[current].classList.remove("active");
    dots[current].classList.remove("active");
    current = (i + slides.length) % slides.length;
    slides[current].classList.add("active");
    dots[current].classList.add("active");
  };
  setInterval(function () { window.sharynRotate(current + 1); }, parseInt(rotator.getAttribute("data-interval"), 10) || 5000);
})();
