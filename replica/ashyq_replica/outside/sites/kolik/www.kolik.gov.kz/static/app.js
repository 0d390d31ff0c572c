/* kolik.gov.kz 3.4.2: the routes after #! are drawn from /partials/<route>.html */
(function () {
  "use strict";
  var view = document.getElementById("view");
  var nav = document.getElementById("nav");
  var foot = document.getElementById("foot");
  var chromeLang = "";
  var timers = [];
  var L = {
    kk: { name: "Қазақстан Республикасы Көлік министрлігінің Көлік комитеті", official: "Ресми интернет-ресурс",
          nf: "Бет табылмады", nfText: "Сіз сұраған бет жойылған немесе оның мекенжайы өзгерген.", home: "Басты бетке оралу",
          results: "Іздеу нәтижелері", found: "Табылды", none: "Сұрауыңыз бойынша ештеңе табылмады.", sent: "Өтінішіңіз тіркелді. Тіркеу нөмірі: ",
          thanks: "Дауысыңыз үшін рақмет!" },
    ru: { name: "Комитет транспорта Министерства транспорта Республики Казахстан", official: "Официальный интернет-ресурс",
          nf: "Страница не найдена", nfText: "Запрошенная страница удалена или её адрес изменился.", home: "Вернуться на главную",
          results: "Результаты поиска", found: "Найдено", none: "По вашему запросу ничего не найдено.", sent: "Ваше обращение зарегистрировано. Регистрационный номер: ",
          thanks: "Спасибо, ваш голос учтён!" }
  };

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function route() {
    var h = location.hash;
    if (h.indexOf("#!") !== 0) return null;
    var path = h.slice(2) || "/kk/", query = "";
    var i = path.indexOf("?");
    if (i >= 0) { query = path.slice(i + 1); path = path.slice(0, i); }
    var m = /^\/(kk|ru)(\/|$)/.exec(path);
    if (!m) return { lang: "kk", path: "/kk/", query: new URLSearchParams("") };
    if (path === "/" + m[1]) path += "/";
    return { lang: m[1], path: path, query: new URLSearchParams(query) };
  }
  function get(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : null; });
  }
  function switchTo(r) {
    var other = r.lang === "kk" ? "ru" : "kk";
    var a = nav.querySelector("a.lang-switch");
    if (a) a.setAttribute("href", "#!/" + other + r.path.slice(3));
    var q = nav.querySelector("#q");
    if (q) q.value = r.query.get("q") || "";
  }
  function chrome(r) {
    document.documentElement.lang = r.lang;
    document.querySelector("[data-official]").textContent = L[r.lang].official;
    document.querySelector("[data-name]").textContent = L[r.lang].name;
    document.querySelector("[data-home]").setAttribute("href", "#!/" + r.lang + "/");
    if (chromeLang === r.lang) { switchTo(r); return Promise.resolve(); }
    chromeLang = r.lang;
    return Promise.all([get("/partials/" + r.lang + "/nav.html"), get("/partials/" + r.lang + "/footer.html")]).then(function (parts) {
      nav.innerHTML = parts[0] || "";
      foot.innerHTML = parts[1] || "";
      var form = nav.querySelector("form.search");
      if (form) form.addEventListener("submit", function (e) {
        e.preventDefault();
        location.hash = "#!/" + chromeLang + "/izdeu?q=" + encodeURIComponent(form.q.value);
      });
      switchTo(r);
    });
  }
  function notFound(r) {
    var t = L[r.lang];
    view.innerHTML = '<div class="page"><h1>' + t.nf + "</h1><p>" + t.nfText + '</p><p><a href="#!/' + r.lang + '/">' + t.home + "</a></p></div>";
    document.title = t.nf;
  }
  function search(r) {
    var t = L[r.lang], q = r.query.get("q") || "";
    return fetch("/api/search?lang=" + r.lang + "&q=" + encodeURIComponent(q)).then(function (x) { return x.json(); }).then(function (data) {
      var items = data.results.map(function (it) { return '<li><a href="' + esc(it.path) + '">' + esc(it.title) + "</a></li>"; }).join("");
      view.innerHTML = '<div class="page"><h1>' + t.results + "</h1><p>«" + esc(q) + "»</p>" +
        (items ? "<p>" + t.found + ": " + data.results.length + "</p><ol>" + items + "</ol>" : "<p>" + t.none + "</p>") + "</div>";
      document.title = t.results;
    });
  }
  function wire(r) {
    timers.forEach(clearInterval);
    timers = [];
    view.querySelectorAll("[data-rotate]").forEach(function (box) {
      var slides = box.querySelectorAll(".slide"), n = 0;
      timers.push(setInterval(function () {
        slides[n].classList.remove("on");
        n = (n + 1) % slides.length;
        slides[n].classList.add("on");
      }, Number(box.getAttribute("data-rotate"))));
    });
    view.querySelectorAll(".poll .opt").forEach(function (opt) {
      opt.addEventListener("click", function () {
        var poll = opt.closest(".poll");
        fetch("/api/poll", { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ poll: poll.getAttribute("data-poll"), answer: opt.getAttribute("data-v") }) }).then(function () {
          poll.querySelector(".poll-result").textContent = L[r.lang].thanks;
        });
      });
    });
    var form = view.querySelector("form#appeal");
    if (form) form.addEventListener("submit", function (e) {
      e.preventDefault();
      var data = { lang: r.lang, name: form.name.value, email: form.email.value, text: form.text.value };
      form.querySelectorAll(".err").forEach(function (p) { p.remove(); });
      form.querySelectorAll("[aria-describedby]").forEach(function (f) { f.removeAttribute("aria-describedby"); f.removeAttribute("aria-invalid"); });
      fetch("/api/appeal", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) })
        .then(function (x) { return x.json().then(function (d) { return { status: x.status, data: d }; }); })
        .then(function (a) {
          if (a.status === 422) {
            Object.keys(a.data.errors).forEach(function (field) {
              var input = form.querySelector("#f-" + field);
              var p = document.createElement("p");
              p.className = "err"; p.id = "err-" + field; p.setAttribute("role", "alert");
              p.textContent = a.data.errors[field];
              input.setAttribute("aria-describedby", p.id); input.setAttribute("aria-invalid", "true");
              input.insertAdjacentElement("afterend", p);
            });
          } else {
            form.outerHTML = '<p class="ok" role="status">' + L[r.lang].sent + esc(a.data.number) + "</p>";
          }
        });
    });
  }
  function draw() {
    var r = route();
    if (!r) return;  /* #view and other plain anchors are no route */
    chrome(r).then(function () {
      if (r.path === "/" + r.lang + "/izdeu") return search(r);
      var file = "/partials" + r.path + (r.path.slice(-1) === "/" ? "index" : "") + ".html";
      return get(file).then(function (html) {
        if (html === null) { notFound(r); return; }
        view.innerHTML = html;
        var h1 = view.querySelector("h1");
        document.title = (h1 ? h1.textContent + " | " : "") + L[r.lang].name;
        window.scrollTo(0, 0);
        wire(r);
      });
    });
  }
  window.addEventListener("hashchange", draw);
  if (location.hash.indexOf("#!") !== 0) history.replaceState(null, "", "#!/kk/");
  draw();
})();
