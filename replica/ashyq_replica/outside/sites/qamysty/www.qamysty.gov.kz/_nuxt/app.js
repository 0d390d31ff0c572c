/* qamysty web client: router, payload loader and block renderer (build 2.14.3) */
(function () {
  "use strict";
  var cfg = (window.__NUXT__ && window.__NUXT__.config) || { payloadBase: "/_payload", apiBase: "/api", locales: ["kk", "ru"], defaultLocale: "kk" };
  var navCache = {};
  var root = document.getElementById("__layout");

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function parse(path) {
    var m = /^\/(kk|ru)(?:\/(.*))?$/.exec(path.replace(/\/+$/, "") || "/");
    if (!m) return { lang: cfg.defaultLocale, route: "" };
    return { lang: m[1], route: (m[2] || "").replace(/\/+$/, "") };
  }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { var e = new Error("HTTP " + r.status); e.status = r.status; throw e; }
      return r.json();
    });
  }
  function nav(lang) {
    if (!navCache[lang]) navCache[lang] = getJSON(cfg.payloadBase + "/nav." + lang + ".json");
    return navCache[lang];
  }
  function fmtDate(iso) {
    var d = iso.split("T"), p = d[0].split("-");
    return p[2] + "." + p[1] + "." + p[0] + (d[1] ? ", " + d[1].slice(0, 5) : "");
  }

  function header(n, loc) {
    var other = n.lang === "kk" ? "ru" : "kk";
    var menu = n.menu.map(function (m) {
      var kids = m.children.length ? "<ul>" + m.children.map(function (c) { return '<li><a href="' + c.url + '">' + esc(c.title) + "</a></li>"; }).join("") + "</ul>" : "";
      return '<li><a href="' + m.url + '">' + esc(m.title) + "</a>" + kids + "</li>";
    }).join("");
    return '<header class="header"><div class="container">' +
      '<a class="brand" href="/' + n.lang + '/"><img src="/uploads/emblem.png" width="64" height="64" alt="' + (n.lang === "kk" ? "Қазақстан Республикасының Мемлекеттік Елтаңбасы" : "Государственный Герб Республики Казахстан") + '"><span><small>' + esc(n.ui.official) + "</small><strong>" + esc(n.name) + "</strong></span></a>" +
      '<div class="search"><input type="search" id="q" maxlength="100" autocomplete="off" placeholder="' + esc(n.ui.search) + '" aria-label="' + esc(n.ui.search) + '"><ul class="dropdown" id="q-results" hidden></ul></div>' +
      '<div class="langs"><a href="/kk/' + loc.route + '"' + (n.lang === "kk" ? ' class="active"' : "") + ">Қаз</a><a href=\"/ru/" + loc.route + '"' + (n.lang === "ru" ? ' class="active"' : "") + ">Рус</a></div>" +
      "</div></header>" +
      '<nav class="menu" id="menu"><div class="container"><div class="burger" id="burger">☰ ' + (n.lang === "kk" ? "Мәзір" : "Меню") + "</div><ul>" + menu + "</ul></div></nav>";
  }
  function footer(n) {
    var f = n.footer;
    return '<footer class="footer"><div class="container"><div class="cols">' +
      "<div><p>" + esc(f.address) + "<br>" + esc(f.phone) + '<br><a href="mailto:' + f.email + '">' + f.email + "</a></p></div>" +
      "<div><ul>" + f.links.map(function (l) { return '<li><a href="' + l.url + '">' + esc(l.title) + "</a></li>"; }).join("") + "</ul></div>" +
      "<div><p>" + f.social.map(function (l) { return '<a href="' + l.url + '">' + esc(l.title) + "</a>"; }).join(" · ") + "</p></div>" +
      "</div><p>" + esc(f.copy) + "</p></div></footer>";
  }

  function listItems(items) {
    return items.map(function (i) {
      return '<li><span class="date">' + esc(i.date || "") + '</span><br><a href="' + i.url + '">' + esc(i.title) + "</a>" + (i.text ? "<br>" + esc(i.text) : "") + "</li>";
    }).join("");
  }
  function block(b, n) {
    switch (b.type) {
      case "text": return '<div class="block rich">' + b.html + "</div>";
      case "heading": return '<div class="block"><h2>' + esc(b.text) + "</h2></div>";
      case "notice": return '<div class="block notice">' + esc(b.text) + "</div>";
      case "image":
        return '<div class="block img-block"><img src="' + b.src + '"' + (b.alt != null ? ' alt="' + esc(b.alt) + '"' : "") + "></div>";
      case "table":
        var hide = b.hideOnPhone || [];
        var cls = function (i) { return hide.indexOf(i) >= 0 ? ' class="hide-sm"' : ""; };
        return '<div class="block table-wrap"><table>' + (b.caption ? "<caption>" + esc(b.caption) + "</caption>" : "") +
          "<thead><tr>" + b.head.map(function (h, i) { return "<th" + cls(i) + ">" + esc(h) + "</th>"; }).join("") + "</tr></thead><tbody>" +
          b.rows.map(function (r) { return "<tr>" + r.map(function (c, i) { return "<td" + cls(i) + ">" + c + "</td>"; }).join("") + "</tr>"; }).join("") +
          "</tbody></table></div>";
      case "files":
        return '<div class="block"><h2>' + esc(b.title || n.ui.files) + '</h2><ul class="files">' + b.items.map(function (f) {
          return '<li><a href="' + f.url + '">' + esc(f.title) + '</a><span class="meta">' + esc(f.format) + ", " + esc(f.size) + "</span></li>";
        }).join("") + "</ul></div>";
      case "cards":
        return '<div class="block cards">' + b.items.map(function (c) {
          return '<a class="card" href="' + c.url + '">' + (c.image ? '<img src="' + c.image + '">' : "") + (c.date ? '<span class="date">' + esc(c.date) + "</span><br>" : "") + esc(c.title) + "</a>";
        }).join("") + "</div>";
      case "list":
        return '<div class="block"><ul class="list">' + listItems(b.items) + "</ul>" +
          (b.more ? '<button type="button" class="btn more" data-more="' + b.more + '">' + esc(n.ui.more) + "</button>" : "") + "</div>";
      case "faq":
        return '<div class="block faq">' + b.items.map(function (q) { return "<details><summary>" + esc(q[0]) + "</summary><p>" + esc(q[1]) + "</p></details>"; }).join("") + "</div>";
      case "map":
        return '<div class="block"><p>' + esc(b.caption) + ': <a href="https://2gis.kz/astana/geo/70000001019419155">2GIS</a></p></div>';
      case "form":
        return '<form class="block form" id="feedback" novalidate>' +
          '<label>' + esc(n.ui.name) + ' *<input name="name"></label>' +
          '<label>' + esc(n.ui.email) + ' *<input name="email" type="email"></label>' +
          '<label>' + esc(n.ui.phone) + '<input name="phone" type="tel"></label>' +
          '<label>' + esc(n.ui.text) + ' *<textarea name="text" rows="6"></textarea></label>' +
          '<p><button class="btn" type="submit">' + esc(n.ui.send) + '</button></p><div id="feedback-result"></div></form>';
      case "poll":
        return '<form class="block poll" id="poll"><fieldset><legend>' + esc(b.question) + "</legend>" + b.options.map(function (o, i) {
          return '<label><input type="radio" name="answer" value="' + i + '"> ' + esc(o) + "</label><br>";
        }).join("") + '</fieldset><p><button class="btn" type="submit">' + esc(n.ui.vote) + '</button></p><div id="poll-result"></div></form>';
      default: return "";
    }
  }

  function page(n, loc, p) {
    var crumbs = p.crumbs ? '<div class="crumbs">' + p.crumbs.map(function (c) { return '<a href="' + c.url + '">' + esc(c.title) + "</a>"; }).join("") + "<span>" + esc(p.title) + "</span></div>" : "";
    var stamp = loc.route ? '<div class="stamp">' + esc(n.ui.published) + ": " + fmtDate(p.published) + "</div>" : "";
    return crumbs + "<h1>" + esc(p.title) + "</h1>" + stamp + p.blocks.map(function (b) { return block(b, n); }).join("");
  }
  function notFound(n) {
    return '<h1>' + esc(n.ui.notfound) + "</h1><p>" + esc(n.ui.notfoundText) + '</p><p><a href="/' + n.lang + '/">' + esc(n.ui.home) + "</a></p>";
  }

  function render(push) {
    var loc = parse(location.pathname);
    document.documentElement.lang = loc.lang;
    return nav(loc.lang).then(function (n) {
      return getJSON(cfg.payloadBase + "/" + loc.lang + "/" + (loc.route || "index") + ".json").then(function (p) {
        return { n: n, html: page(n, loc, p), title: p.title };
      }, function () {
        return { n: n, html: notFound(n), title: n.ui.notfound };
      }).then(function (r) {
        root.innerHTML = header(r.n, loc) + '<main id="main"><div class="container">' + r.html + "</div></main>" + footer(r.n) +
          '<a class="totop" href="#__nuxt">↑ ' + esc(r.n.ui.top) + "</a>";
        document.title = r.title + " | " + r.n.short;
        window.scrollTo(0, 0);
        bind(r.n, loc);
      });
    });
  }

  function bind(n, loc) {
    var burger = document.getElementById("burger");
    if (burger) burger.addEventListener("click", function () { document.getElementById("menu").classList.toggle("open"); });
    var q = document.getElementById("q"), box = document.getElementById("q-results"), timer;
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var v = q.value.trim();
        if (v.length < 3) { box.hidden = true; return; }
        getJSON(cfg.apiBase + "/search?lang=" + n.lang + "&q=" + encodeURIComponent(v)).then(function (d) {
          box.innerHTML = d.results.length ? d.results.slice(0, 10).map(function (r) { return '<li><a href="' + r.path + '">' + esc(r.title) + "</a></li>"; }).join("") : "<li><span>" + esc(n.ui.nores) + "</span></li>";
          box.hidden = false;
        });
      }, 300);
    });
    document.querySelectorAll("button.more").forEach(function (btn) {
      btn.addEventListener("click", function () {
        getJSON(btn.getAttribute("data-more")).then(function (d) {
          btn.previousElementSibling.insertAdjacentHTML("beforeend", listItems(d.items));
          if (d.next) btn.setAttribute("data-more", d.next); else btn.remove();
        });
      });
    });
    var form = document.getElementById("feedback");
    if (form) form.addEventListener("submit", function (e) {
      e.preventDefault();
      var data = { lang: n.lang };
      ["name", "email", "phone", "text"].forEach(function (k) { data[k] = form.elements[k].value; form.elements[k].classList.remove("is-invalid"); });
      fetch(cfg.apiBase + "/feedback", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) })
        .then(function (r) { return r.json().then(function (d) { return { status: r.status, d: d }; }); })
        .then(function (r) {
          if (r.status === 422) {
            Object.keys(r.d.errors || {}).forEach(function (k) { form.elements[k].classList.add("is-invalid"); });
            return;
          }
          form.innerHTML = '<div class="ok">' + esc(n.ui.sent) + esc(r.d.number) + "</div>";
        });
    });
    var poll = document.getElementById("poll");
    if (poll) poll.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = poll.querySelector("input[name=answer]:checked");
      if (!a) return;
      fetch(cfg.apiBase + "/poll", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ lang: n.lang, route: loc.route, answer: a.value }) })
        .then(function () { document.getElementById("poll-result").innerHTML = '<div class="ok">' + esc(n.ui.thanks) + "</div>"; });
    });
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href]") : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !/^\/(kk|ru)(\/|$)/.test(url.pathname)) return;
    if (url.pathname === location.pathname && url.hash) return;
    e.preventDefault();
    history.pushState({}, "", url.pathname + url.search);
    render(true);
  });
  window.addEventListener("popstate", function () { render(false); });
  render(false);
})();
