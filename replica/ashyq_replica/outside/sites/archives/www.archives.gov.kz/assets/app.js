/* The agency's site: everything on screen is built here from the JSON API. */
(function () {
  "use strict";
  var app = document.getElementById("app");
  var site = null;
  var current = "";

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function langOf(path) {
    var m = /^\/(kk|ru|en)(\/|$)/.exec(path);
    return m ? m[1] : "kk";
  }
  function getJSON(url, options) {
    return fetch(url, options).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }
  function loadSite(lang) {
    if (site && site.lang === lang) return Promise.resolve(site);
    return getJSON("/api/v1/site?lang=" + lang).then(function (r) { site = r.data; return site; });
  }

  function header(page, L) {
    var langs = ["kk", "ru", "en"].map(function (l) {
      var cur = l === page.lang ? ' aria-current="true"' : "";
      return '<a lang="' + l + '" href="' + esc(page.alternates[l]) + '"' + cur + ">" + l.toUpperCase() + "</a>";
    }).join(" ");
    var q = page.kind === "search" ? new URLSearchParams(location.search).get("q") || "" : "";
    return '<header class="top" id="top"><a class="brand" href="/' + page.lang + '/">' +
      '<img src="/img/emblem-small.png" width="64" height="64" alt="' + esc(page.lang === "kk" ? "Қазақстан Республикасының Мемлекеттік Елтаңбасы" : page.lang === "ru" ? "Государственный Герб Республики Казахстан" : "State Emblem of the Republic of Kazakhstan") + '">' +
      "<span><small>" + esc(L.official) + "</small><strong>" + esc(site.name) + "</strong></span></a>" +
      '<form class="search" role="search" action="/' + page.lang + '/search"><label class="sr-only" for="q">' + esc(L.search) + "</label>" +
      '<input id="q" type="search" name="q" value="' + esc(q) + '"><button type="submit">' + esc(L.find) + "</button></form>" +
      '<nav class="langs" aria-label="language">' + langs + "</nav>" +
      '<button type="button" class="menu-toggle" aria-expanded="false" aria-controls="menu">' + esc(L.menu) + "</button></header>";
  }

  function menu() {
    return '<nav id="menu" class="menu" aria-label="menu"><ul>' + site.menu.map(function (s) {
      return '<li><a href="' + esc(s.path) + '">' + esc(s.title) + "</a><ul>" + s.children.map(function (c) {
        return '<li><a href="' + esc(c.path) + '">' + esc(c.title) + "</a></li>";
      }).join("") + "</ul></li>";
    }).join("") + "</ul></nav>";
  }

  function crumbs(page) {
    if (!page.breadcrumbs || !page.breadcrumbs.length) return "";
    return '<nav class="crumbs" aria-label="breadcrumb"><ol>' + page.breadcrumbs.map(function (b) {
      return '<li><a href="' + esc(b.path) + '">' + esc(b.title) + "</a></li>";
    }).join("") + '<li aria-current="page">' + esc(page.title) + "</li></ol></nav>";
  }

  function footer(page, L) {
    var l = page.lang === "en" ? "ru" : page.lang;
    return '<footer class="bottom"><p>© ' + site.year + " " + esc(site.name) + "</p><p>" + esc(site.address) + " · " + esc(site.phone) +
      ' · <a href="mailto:' + esc(site.email) + '">' + esc(site.email) + "</a></p>" +
      '<p><a href="/' + page.lang + '/sitemap">' + esc(L.sitemap) + '</a> · <a href="/rss/news-' + l + '.xml">' + esc(L.rss_news) + "</a>" +
      ' · <a href="/rss/tenders-' + l + '.xml">' + esc(L.rss_tenders) + "</a></p></footer>";
  }

  function ticker(page, L) {
    if (!page.news) return "";
    var items = page.news.map(function (n) {
      return '<span class="tick"><span class="date">' + esc(n.date) + '</span> <a href="' + esc(n.path) + '">' + esc(n.title) + "</a></span>";
    }).join("");
    return '<div class="ticker" role="region" aria-label="' + esc(L.ticker) + '">' +
      '<button type="button" class="ticker-pause" aria-pressed="false">' + esc(L.pause) + "</button>" +
      '<div class="ticker-window"><div class="ticker-track">' + items + items + "</div></div></div>";
  }

  function poll(L) {
    var answers = L.poll_a.split("|").map(function (a, i) {
      return '<label><input type="radio" name="answer" value="' + i + '"> ' + esc(a) + "</label>";
    }).join(" ");
    return '<form class="poll" id="poll"><fieldset><legend>' + esc(L.poll) + ": " + esc(L.poll_q) + "</legend>" + answers +
      '</fieldset><button type="submit">' + esc(L.vote) + '</button><p class="poll-result" aria-live="polite"></p></form>';
  }

  function appealForm(L) {
    function field(name, label, area) {
      var control = area ? '<textarea id="a-' + name + '" name="' + name + '" rows="5"></textarea>'
        : '<input id="a-' + name + '" name="' + name + '"' + (name === "email" ? ' type="email"' : "") + ">";
      return '<p class="field"><label for="a-' + name + '">' + esc(label) + "</label>" + control + "</p>";
    }
    return '<form id="appeal" novalidate><div class="summary" role="alert"></div>' + field("name", L.name) + field("email", L.email) +
      field("text", L.text, true) + '<button type="submit">' + esc(L.send) + "</button></form>";
  }

  function searchForm(page, L) {
    var p = new URLSearchParams(location.search);
    var sections = '<option value="">' + esc(L.all) + "</option>" + site.menu.map(function (s) {
      var slug = s.path.split("/")[2];
      return '<option value="' + esc(slug) + '"' + (p.get("section") === slug ? " selected" : "") + ">" + esc(s.title) + "</option>";
    }).join("");
    return '<form class="search-page" action="/' + page.lang + '/search"><label for="sq">' + esc(L.search) + "</label> " +
      '<input id="sq" type="search" name="q" value="' + esc(p.get("q") || "") + '"> <button type="submit">' + esc(L.find) + "</button>" +
      "<details" + (p.get("section") || p.get("from") ? " open" : "") + "><summary>" + esc(L.advanced) + "</summary>" +
      '<label for="ss">' + esc(L.section) + '</label> <select id="ss" name="section">' + sections + "</select> " +
      '<label for="sf">' + esc(L.from) + '</label> <input id="sf" type="date" name="from" value="' + esc(p.get("from") || "") + '"> ' +
      '<label for="st">' + esc(L.to) + '</label> <input id="st" type="date" name="to" value="' + esc(p.get("to") || "") + '"></details></form>' +
      '<div class="results" aria-live="polite"></div>';
  }

  function render(page) {
    var L = site.labels;
    var extra = "";
    if (page.kind === "home") extra = ticker(page, L);
    var content = page.html || "";
    if (page.kind === "appeal") content += appealForm(L);
    if (page.kind === "search") content = searchForm(page, L);
    if (page.kind === "home") content += poll(L);
    var meta = page.published ? '<p class="meta">' + esc(L.published) + ": " + esc(page.published) + "</p>" : "";
    document.documentElement.lang = page.lang;
    document.title = page.title + " — " + site.name;
    app.innerHTML = '<a class="skip" href="#main">' + esc(L.skip) + "</a>" + header(page, L) + menu() + crumbs(page) +
      '<main id="main" tabindex="-1">' + extra + "<h1>" + esc(page.title) + "</h1>" + meta + content +
      '<p class="to-top"><a href="#top">' + esc(L.up) + "</a></p></main>" + footer(page, L);
    wire(page, L);
  }

  function wire(page, L) {
    var toggle = app.querySelector(".menu-toggle");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      app.querySelector("#menu").classList.toggle("open", open);
    });
    var pause = app.querySelector(".ticker-pause");
    if (pause) {
      pause.addEventListener("click", function () {
        var paused = pause.getAttribute("aria-pressed") !== "true";
        pause.setAttribute("aria-pressed", String(paused));
        pause.textContent = paused ? L.play : L.pause;
        app.querySelector(".ticker").classList.toggle("paused", paused);
      });
    }
    app.querySelectorAll(".faq-q").forEach(function (q) {
      q.addEventListener("click", function () {
        var a = q.nextElementSibling;
        a.hidden = !a.hidden;
      });
    });
    var pollForm = app.querySelector("#poll");
    if (pollForm) {
      pollForm.addEventListener("submit", function (e) {
        e.preventDefault();
        fetch("/api/v1/poll", { method: "POST", body: new FormData(pollForm) }).then(function () {
          pollForm.querySelector(".poll-result").textContent = L.thanks;
        });
      });
    }
    var appeal = app.querySelector("#appeal");
    if (appeal) appeal.addEventListener("submit", function (e) { e.preventDefault(); sendAppeal(appeal, page, L); });
    if (page.kind === "search") runSearch(page, L);
  }

  function sendAppeal(form, page, L) {
    var data = { lang: page.lang };
    ["name", "email", "text"].forEach(function (n) { data[n] = form.elements[n].value; });
    form.querySelectorAll(".error").forEach(function (e) { e.remove(); });
    getJSON("/api/v1/appeal", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) }).then(function (r) {
      var summary = form.querySelector(".summary");
      if (r.status === 422) {
        var first = null;
        Object.keys(r.data.errors).forEach(function (name) {
          var input = form.elements[name];
          var msg = document.createElement("span");
          msg.className = "error";
          msg.id = "err-" + name;
          msg.textContent = r.data.errors[name];
          input.insertAdjacentElement("afterend", msg);
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", msg.id);
          if (!first) first = input;
        });
        summary.textContent = L.errors;
        if (first) first.focus();
      } else {
        summary.textContent = L.sent + ": " + r.data.number;
      }
    });
  }

  function runSearch(page, L) {
    var p = new URLSearchParams(location.search);
    var box = app.querySelector(".results");
    if (!p.get("q")) return;
    getJSON("/api/v1/search?lang=" + page.lang + "&q=" + encodeURIComponent(p.get("q")) + "&section=" + encodeURIComponent(p.get("section") || "")).then(function (r) {
      box.innerHTML = r.data.results.length ? "<ol>" + r.data.results.map(function (x) {
        return '<li><a href="' + esc(x.path) + '">' + esc(x.title) + "</a></li>";
      }).join("") + "</ol>" : "<p>" + esc(L.nothing) + "</p>";
    });
  }

  function show(path, push) {
    var bare = path.split("#")[0];
    if (push) history.pushState({}, "", path);
    current = bare;
    var pathname = bare.split("?")[0];
    var lang = langOf(pathname);
    return loadSite(lang).then(function () {
      return getJSON("/api/v1/page?path=" + encodeURIComponent(pathname === "/" ? "/kk/" : pathname));
    }).then(function (r) {
      render(r.data);
      if (push) app.querySelector("#main").focus();
    });
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a");
    if (!a) return;
    var href = a.getAttribute("href") || "";
    if (a.target === "_blank" || /^(https?:|mailto:|#)/.test(href) || /^\/(files|rss|img)\//.test(href)) return;
    e.preventDefault();
    show(href, true);
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches(".search, .search-page")) return;
    e.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    show(form.getAttribute("action") + "?" + params.toString(), true);
  });
  window.addEventListener("popstate", function () {
    var bare = location.pathname + location.search;
    if (bare !== current) show(bare, false);
  });
  show(location.pathname + location.search, false);
})();
