/* Sarykol PWA: stories auto-advance, bottom sheets, share, install prompt */
(function () {
  "use strict";
  // stories strip: moves to the next story every data-autoplay ms, for ever
  document.querySelectorAll(".stories[data-autoplay]").forEach(function (strip) {
    var items = strip.querySelectorAll(".story");
    var i = 0;
    if (!items.length) return;
    items[0].classList.add("is-current");
    setInterval(function () {
      items[i].classList.remove("is-current");
      i = (i + 1) % items.length;
      items[i].classList.add("is-current");
      strip.scrollTo({ left: items[i].offsetLeft - strip.offsetLeft, behavior: "smooth" });
    }, parseInt(strip.getAttribute("data-autoplay"), 10) || 5000);
  });
  // bottom sheets
  document.querySelectorAll(".sheet-open").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var d = document.getElementById(btn.getAttribute("data-sheet"));
      if (d && d.showModal) d.showModal();
    });
  });
  document.querySelectorAll("dialog.sheet [data-close]").forEach(function (btn) {
    btn.addEventListener("click", function () { btn.closest("dialog").close(); });
  });
  // share
  document.querySelectorAll("[data-share]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      if (navigator.share) navigator.share({ title: document.title, url: location.href });
    });
  });
  // install prompt
  var deferred = null;
  window.addEventListener("beforeinstallprompt", function (e) {
    e.preventDefault(); deferred = e;
    var b = document.querySelector(".install-btn");
    if (b) { b.hidden = false; b.addEventListener("click", function () { deferred.prompt(); }); }
  });
})();
