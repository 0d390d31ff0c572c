/* Tasqala resource package: navigation widget, carousel, back to top, poll */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 991px)");

  // navigation widget: the burger opens the menu; on narrow screens the first tap on a section opens its drop-down
  var toggle = document.querySelector(".sf-navigation .navbar-toggle");
  var nav = document.getElementById("sfNavMain");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("in");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-sf-toggle="dropdown"]'), function (link) {
    var item = link.parentNode;
    link.addEventListener("click", function (event) {
      if (narrow.matches && !item.classList.contains("open")) {
        event.preventDefault();
        Array.prototype.forEach.call(document.querySelectorAll(".dropdown.open"), function (other) {
          other.classList.remove("open");
          other.firstElementChild.setAttribute("aria-expanded", "false");
        });
        item.classList.add("open");
        link.setAttribute("aria-expanded", "true");
      }
    });
    item.addEventListener("mouseenter", function () { link.setAttribute("aria-expanded", "true"); });
    item.addEventListener("mouseleave", function () { link.setAttribute("aria-expanded", "false"); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      Array.prototype.forEach.call(document.querySelectorAll(".dropdown.open"), function (item) { item.classList.remove("open"); });
    }
  });

  // carousel: turns every data-interval ms until paused
  Array.prototype.forEach.call(document.querySelectorAll('[data-sf-role="carousel"]'), function (box) {
    var slides = box.querySelectorAll(".sf-carousel-item");
    var pause = box.querySelector(".sf-carousel-pause");
    var current = 0;
    var timer = null;
    function show(i) {
      slides[current].classList.remove("active");
      current = (i + slides.length) % slides.length;
      slides[current].classList.add("active");
    }
    function start() { timer = window.setInterval(function () { show(current + 1); }, parseInt(box.getAttribute("data-interval"), 10) || 6000); }
    function stop() { window.clearInterval(timer); timer = null; }
    if (slides.length > 1) { start(); }
    if (pause) {
      var labels = document.documentElement.lang === "kk" ? ["Тоқтату", "Жалғастыру"] : ["Пауза", "Продолжить"];
      pause.addEventListener("click", function () {
        if (timer) { stop(); pause.textContent = labels[1]; pause.setAttribute("aria-pressed", "true"); }
        else { start(); pause.textContent = labels[0]; pause.setAttribute("aria-pressed", "false"); }
      });
    }
  });

  // back to top
  var top = document.getElementById("backToTop");
  if (top) {
    window.addEventListener("scroll", function () { top.classList.toggle("visible", window.scrollY > 400); });
    top.addEventListener("click", function () { window.scrollTo(0, 0); });
  }

  // poll widget: the vote goes to the poll's service, the answer shown under the form
  Array.prototype.forEach.call(document.querySelectorAll('[data-sf-role="poll"]'), function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name=answer]:checked");
      var out = form.querySelector(".sf-poll-result");
      if (!chosen) {
        out.textContent = document.documentElement.lang === "kk" ? "Жауап нұсқасын таңдаңыз." : "Выберите вариант ответа.";
        return;
      }
      fetch(form.action, { method: "POST", body: new FormData(form) })
        .then(function (r) { return r.json(); })
        .then(function (data) { out.textContent = data.message; form.querySelector("button").disabled = true; });
    });
  });
})();
