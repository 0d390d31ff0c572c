/* main.8b41d0e2.js - client bundle (hydration of the server-rendered pages) */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "kk";
  var L = { kk: { more: "Тағы жүктеу", loading: "Жүктелуде…", thanks: "Рахмет! Дауысыңыз қабылданды." },
            ru: { more: "Загрузить ещё", loading: "Загрузка…", thanks: "Спасибо! Ваш голос принят." } }[lang] || {};

  // cookie and personal-data consent: the dialog stays over the page until accepted
  var consent = document.getElementById("consent");
  if (consent) {
    if (window.localStorage && localStorage.getItem("qaratal_consent") === "1") {
      consent.parentNode.removeChild(consent);
    } else {
      document.body.classList.add("no-scroll");
      var ok = consent.querySelector("[data-consent]");
      ok.addEventListener("click", function () {
        try { localStorage.setItem("qaratal_consent", "1"); } catch (e) {}
        consent.parentNode.removeChild(consent);
        document.body.classList.remove("no-scroll");
      });
    }
  }

  // hamburger menu at every width
  var burger = document.querySelector("[data-burger]");
  var drawer = document.getElementById("drawer");
  if (burger && drawer) {
    burger.addEventListener("click", function () {
      drawer.hidden = !drawer.hidden;
      burger.classList.toggle("is-open", !drawer.hidden);
    });
  }

  // infinite scroll of the lists: the next part when the end of the list comes into view
  function card(html) { var t = document.createElement("template"); t.innerHTML = html.trim(); return t.content.firstChild; }
  Array.prototype.forEach.call(document.querySelectorAll("[data-feed]"), function (list) {
    var next = list.getAttribute("data-next");
    if (!next) return;
    var busy = false;
    var more = document.createElement("button");
    more.type = "button"; more.className = "btn btn--more"; more.textContent = L.more;
    list.parentNode.insertBefore(more, list.nextSibling);
    function load() {
      if (busy || !next) return;
      busy = true; more.textContent = L.loading;
      fetch(next, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (data) {
        data.items.forEach(function (h) { list.appendChild(card(h)); });
        next = data.next; busy = false; more.textContent = L.more;
        if (!next) { more.parentNode.removeChild(more); if (io) io.disconnect(); }
      }).catch(function () { busy = false; more.textContent = L.more; });
    }
    more.addEventListener("click", load);
    var io = "IntersectionObserver" in window ? new IntersectionObserver(function (es) {
      es.forEach(function (e) { if (e.isIntersecting) load(); });
    }, { rootMargin: "200px" }) : null;
    if (io) io.observe(more);
  });

  // poll sent by script
  Array.prototype.forEach.call(document.querySelectorAll("[data-poll]"), function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var chosen = form.querySelector("input[name=answer]:checked");
      if (!chosen) return;
      fetch(form.action, { method: "POST", body: new FormData(form) }).then(function (r) { return r.json(); }).then(function () {
        var done = form.querySelector(".poll__done"); done.textContent = L.thanks; done.hidden = false;
      });
    });
  });

  // back to top on long pages
  var top = document.querySelector("[data-totop]");
  if (top) window.addEventListener("scroll", function () { top.hidden = window.scrollY < 600; });

  // counters of the "open akimat" block count up once
  Array.prototype.forEach.call(document.querySelectorAll("[data-count]"), function (el) {
    var text = el.textContent, n = parseInt(text.replace(/\D/g, ""), 10), i = 0;
    if (!n) return;
    var step = Math.max(1, Math.round(n / 30));
    var t = setInterval(function () { i = Math.min(n, i + step); el.textContent = text.replace(/[\d\s]+/, i.toLocaleString("ru-RU") + (/%/.test(text) ? " " : "")); if (i >= n) { el.textContent = text; clearInterval(t); } }, 30);
  });
})();
