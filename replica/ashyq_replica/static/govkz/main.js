/* gov.kz replica client. Plain ES2017, no build step.
 * Reads location + ?lang, asks the JSON API (REST, GraphQL, public-data) and renders into #root,
 * as the real React app does: the HTML the server sends holds no content at all.
 * Tickets: POST /api/v1/public/_/c/k6 sets the _k6 cookie and returns a challenge; the bundle sends
 * the headers token=<challenge> and hash=fnv1a32(challenge + "|gov.kz") on news and public-data. */
(function () {
  "use strict";
  var LANGS = ["kk", "ru", "en"];
  var T = {
    kk: { official: "Қазақстан Республикасы мемлекеттік органының ресми интернет-ресурсы", emblem: "Қазақстан Республикасының Мемлекеттік Елтаңбасы",
      home: "Басты бет", search: "Іздеу", searchLabel: "Сайт бойынша іздеу", sitemap: "Сайт картасы", news: "Жаңалықтар", documents: "Құжаттар",
      published: "Жарияланған күні", updated: "Өзгертілген күні", views: "Қаралым саны", download: "Жүктеу", notFound: "Бет табылмады",
      results: "Іздеу нәтижелері", found: "Табылды", skip: "Негізгі мазмұнға өту", menu: "Негізгі мәзір", allNews: "Барлық жаңалықтар",
      events: "Алдағы іс-шаралар", name: "Аты-жөні", email: "Электрондық пошта", message: "Хабарлама", send: "Жіберу",
      errName: "Аты-жөніңізді енгізіңіз", errEmail: "Электрондық пошта мекенжайын дұрыс енгізіңіз", errMessage: "Хабарлама мәтінін енгізіңіз",
      thanks: "Рахмет! Хабарламаңыз жіберілді.", vote: "Дауыс беру", pollQ: "Сайттың жұмысына қаншалықты ризасыз?",
      pollA: ["Толық ризамын", "Ішінара ризамын", "Риза емеспін"], answered: "Жауап берілді", pending: "Қаралуда",
      ask: "Сұрақ қою", question: "Сұрақ", answer: "Жауап", top: "Жоғары", position: "Лауазымы", phone: "Телефон", page: "Бет", visitors: "Келушілер саны" },
    ru: { official: "Официальный интернет-ресурс государственного органа Республики Казахстан", emblem: "Государственный Герб Республики Казахстан",
      home: "Главная", search: "Поиск", searchLabel: "Поиск по сайту", sitemap: "Карта сайта", news: "Новости", documents: "Документы",
      published: "Дата публикации", updated: "Дата изменения", views: "Просмотров", download: "Скачать", notFound: "Страница не найдена",
      results: "Результаты поиска", found: "Найдено", skip: "Перейти к основному содержанию", menu: "Главное меню", allNews: "Все новости",
      events: "Предстоящие мероприятия", name: "ФИО", email: "Электронная почта", message: "Сообщение", send: "Отправить",
      errName: "Укажите ваше имя", errEmail: "Укажите корректный адрес электронной почты", errMessage: "Введите текст сообщения",
      thanks: "Спасибо! Ваше сообщение отправлено.", vote: "Голосовать", pollQ: "Насколько вы удовлетворены работой сайта?",
      pollA: ["Полностью удовлетворён", "Частично удовлетворён", "Не удовлетворён"], answered: "Ответ дан", pending: "На рассмотрении",
      ask: "Задать вопрос", question: "Вопрос", answer: "Ответ", top: "Наверх", position: "Должность", phone: "Телефон", page: "Страница", visitors: "Посетителей" },
    en: { official: "Official website of a state body of the Republic of Kazakhstan", emblem: "State Emblem of the Republic of Kazakhstan",
      home: "Home", search: "Search", searchLabel: "Search the site", sitemap: "Site map", news: "News", documents: "Documents",
      published: "Published", updated: "Updated", views: "Views", download: "Download", notFound: "Page not found",
      results: "Search results", found: "Found", skip: "Skip to main content", menu: "Main menu", allNews: "All news",
      events: "Upcoming events", name: "Name", email: "E-mail", message: "Message", send: "Send",
      errName: "Enter your name", errEmail: "Enter a valid e-mail address", errMessage: "Enter a message",
      thanks: "Thank you! Your message has been sent.", vote: "Vote", pollQ: "How satisfied are you with the website?",
      pollA: ["Fully satisfied", "Partly satisfied", "Not satisfied"], answered: "Answered", pending: "Pending",
      ask: "Ask a question", question: "Question", answer: "Answer", top: "Back to top", position: "Position", phone: "Phone", page: "Page", visitors: "Visitors" }
  };
  var API = "/api/v1/public/content-manager/";
  var root = document.getElementById("root");
  var query = new URLSearchParams(location.search);
  var lang = LANGS.indexOf(query.get("lang")) >= 0 ? query.get("lang") : "kk";
  var t = T[lang];
  var match = location.pathname.match(/^\/memleket\/entities\/([^\/]+)(\/.*)?$/);
  document.documentElement.lang = lang;

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return ("0000000" + h.toString(16)).slice(-8);
  }
  function date(iso, withTime) {
    var d = iso.slice(8, 10) + "." + iso.slice(5, 7) + "." + iso.slice(0, 4);
    return withTime ? d + " " + iso.slice(11, 16) : d;
  }
  var ticketPromise = null;
  function ticket() {
    if (!ticketPromise) {
      ticketPromise = fetch("/api/v1/public/_/c/k6", { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" }, body: "{}" })
        .then(function (r) { return r.json(); })
        .then(function (j) { return { token: j.challenge, hash: fnv1a(j.challenge + "|gov.kz") }; });
    }
    return ticketPromise;
  }
  async function rest(kind, params, needTicket) {
    var headers = { "Accept-Language": lang };
    if (needTicket) { var tk = await ticket(); headers.token = tk.token; headers.hash = tk.hash; }
    var r = await fetch(API + kind + "?" + new URLSearchParams(params).toString(), { headers: headers, credentials: "same-origin" });
    if (!r.ok) throw new Error(kind + " " + r.status);
    return r.json();
  }
  async function gql(q) {
    var r = await fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": lang },
      body: JSON.stringify({ query: q }) });
    return (await r.json()).data;
  }
  async function publicData(slug) {
    var tk = await ticket();
    var r = await fetch("/api/v2/public-data", { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept-Language": lang, token: tk.token, hash: tk.hash },
      body: JSON.stringify({ data: { page: 0, size: 100 }, project_slug: slug, content_type_slug: "vr_question" }) });
    return r.json();
  }

  async function directory() {
    /* [GUESS] the platform's list of its entities, drawn from the content API like every page */
    try {
      var all = [], page = 1, batch;
      do {
        batch = await rest("projectdetails", { page: page, size: 1000 }, true);
        all = all.concat(batch);
        page += 1;
      } while (batch.length === 1000);
      var heading = { kk: "Мемлекеттік органдар", ru: "Государственные органы", en: "Government agencies" }[lang];
      root.innerHTML = '<main id="main"><h1>' + heading + '</h1><ul class="entity-list">' + all.map(function (e) {
        return '<li><a href="/memleket/entities/' + encodeURIComponent(e.projects) + "?lang=" + lang + '">' + esc(e.project_name) + "</a></li>";
      }).join("") + "</ul></main>";
      root.setAttribute("data-rendered", "true");
    } catch (err) {
      root.innerHTML = '<main id="main"><h1>Error</h1><p class="error">' + esc(err.message) + "</p></main>";
    }
  }
  if (/^\/memleket\/entities\/?$/.test(location.pathname)) { directory(); return; }
  if (!match) { root.innerHTML = '<main id="main"><h1>www.gov.kz</h1></main>'; return; }
  var slug = match[1], rest_path = (match[2] || "").replace(/\/$/, "");
  var base = "/memleket/entities/" + slug;
  function link(path, l) { return base + path + "?lang=" + (l || lang); }

  function layout(ctx, crumbs, title, html) {
    var opts = ctx.options, keep = opts.lang_switch_keeps_page !== false;
    var langs = (opts.langs || ["kk", "ru"]).map(function (l) {
      var href = keep ? location.pathname + "?" + new URLSearchParams(Object.assign(Object.fromEntries(query), { lang: l })).toString() : base + "?lang=" + l;
      return '<a hreflang="' + l + '" class="lang' + (l === lang ? " active" : "") + '" href="' + esc(href) + '">' + l.toUpperCase() + "</a>";
    }).join(" ");
    var menu = ctx.pages.filter(function (p) { return p.is_menu_item; }).map(function (p) {
      return '<li><a href="' + esc(link(p.internal_link)) + '">' + esc(p.title) + "</a></li>";
    }).join("");
    var trail = [{ href: link(""), title: t.home }].concat(crumbs);
    var bc = trail.map(function (c) { return '<li><a href="' + esc(c.href) + '">' + esc(c.title) + "</a></li>"; }).join("") +
      '<li aria-current="page">' + esc(title) + "</li>";
    var rss = opts.rss ? ' · <a class="rss" href="' + esc(link("/press/news/rss")) + '">RSS</a>' : "";
    var keepQuery = !opts.search || opts.search.keep_query !== false;
    var q = rest_path === "/search" && keepQuery ? query.get("query") || "" : "";
    document.title = title + " | " + ctx.name;
    root.innerHTML =
      '<a class="skip-link" href="#main">' + t.skip + "</a>" +
      '<header class="site-header"><div class="official-mark"><img class="emblem" src="/static/media/emblem.png" width="80" height="80" alt="' +
      esc(t.emblem) + '"><span class="official-text">' + esc(t.official) + "</span></div>" +
      '<a class="site-title" href="' + esc(link("")) + '">' + esc(ctx.name) + "</a>" +
      '<nav class="lang-switch" aria-label="lang">' + langs + "</nav>" +
      '<form class="search-form" role="search" method="get" action="' + esc(base + "/search") + '"><input type="hidden" name="lang" value="' + lang +
      '"><input type="search" name="query" maxlength="100" aria-label="' + esc(t.searchLabel) + '" value="' + esc(q) +
      '"><button type="submit">' + t.search + "</button></form></header>" +
      '<nav class="main-menu" aria-label="' + esc(t.menu) + '"><ul><li><a href="' + esc(link("")) + '">' + t.home + "</a></li>" + menu + "</ul></nav>" +
      (rest_path ? '<nav class="breadcrumbs" aria-label="breadcrumb"><ol>' + bc + "</ol></nav>" : "") +
      '<main id="main"><h1>' + esc(title) + "</h1>" + html + "</main>" +
      '<footer class="site-footer"><a class="sitemap-link" href="' + esc(link("/sitemap")) + '">' + t.sitemap + "</a>" + rss +
      ' · <a href="#root" class="to-top">' + t.top + '</a> · <span class="counter">' + t.visitors + ": " + (opts.visitors || 0) +
      "</span><p>© " + esc(ctx.name) + "</p></footer>";
  }

  function newsItem(n) {
    return '<li class="news-item"><span class="date">' + date(n.created_date, true) + '</span> <a href="' +
      esc(link("/press/news/details/" + n.id)) + '">' + esc(n.title) + "</a></li>";
  }
  function docLink(ctx, d) {
    var f = d.full_text[0], label = t.download;
    if (ctx.options.show_file_size) label += " (" + f.format.toUpperCase() + ", " + f.size_text + ")";
    return '<a class="download" href="' + esc(f.document) + '">' + esc(label) + "</a>";
  }
  function docItem(ctx, d) {
    return '<li class="document-item"><span class="date">' + date(d.created_date) + '</span> <a href="' +
      esc(link("/documents/details/" + d.id)) + '">' + esc(d.title) + "</a> " + docLink(ctx, d) + "</li>";
  }
  function pager(path, pageNo, total, size) {
    var out = [];
    for (var i = 1; i <= Math.ceil(total / size); i++) {
      out.push(i === pageNo ? "<span>" + i + "</span>" : '<a href="' + esc(link(path + i)) + '">' + i + "</a>");
    }
    return '<nav class="pagination" aria-label="' + t.page + '">' + out.join(" ") + "</nav>";
  }

  async function route(ctx) {
    var m, p = rest_path;
    if (p === "") {
      var latest = await rest("news", { projects: "eq:" + slug, "sort-by": "created_date:DESC", page: 1, size: 5 }, true);
      var events = await rest("events", { projects: "eq:" + slug, "sort-by": "event_date:ASC", size: 5 });
      return layout(ctx, [], ctx.name, '<section class="latest-news"><h2>' + t.news + "</h2><ul>" + latest.map(newsItem).join("") +
        '</ul><a href="' + esc(link("/press/news/1")) + '">' + t.allNews + '</a></section><section class="events"><h2>' + t.events +
        "</h2><ul>" + events.map(function (e) { return "<li>" + date(e.event_date, true) + " — " + esc(e.title) + "</li>"; }).join("") + "</ul></section>");
    }
    if ((m = p.match(/^\/press\/news(?:\/(\d+))?$/))) {
      var pageNo = +(m[1] || 1), all = await rest("news", { projects: "eq:" + slug, "sort-by": "created_date:DESC", size: 1000 }, true);
      return layout(ctx, [], t.news, '<ul class="news-list">' + all.slice((pageNo - 1) * 10, pageNo * 10).map(newsItem).join("") + "</ul>" +
        pager("/press/news/", pageNo, all.length, 10));
    }
    if ((m = p.match(/^\/press\/news\/details\/([^\/]+)$/))) {
      var key = /^\d+$/.test(m[1]) ? { id: "eq:" + m[1] } : { slug: "eq:" + m[1] };
      var found = await rest("news", Object.assign({ projects: "eq:" + slug, size: 1 }, key), true);
      if (!found.length) return notFound(ctx);
      var n = found[0];
      return layout(ctx, [{ href: link("/press/news/1"), title: t.news }], n.title, '<article class="news-details"><p class="date">' + t.published + ": " +
        date(n.created_date, true) + '</p><img class="heropic" src="' + esc(n.heropic) + '" alt="' + esc(n.alt_image) + '">' + n.body +
        '<p class="views">' + t.views + ": " + n.views + "</p></article>");
    }
    if ((m = p.match(/^\/press\/article\/details\/(\d+)$/))) {
      /* the article type: no menu links it; its detail route only (portals.md 1.2) */
      var art = await rest("article", { projects: "eq:" + slug, id: "eq:" + m[1], size: 1 });
      if (!art.length) return notFound(ctx);
      var a = art[0];
      return layout(ctx, [], a.title, '<article class="article-details"><p class="date">' + t.published + ": " +
        date(a.publication_date, true) + "</p>" + a.content + "</article>");
    }
    if ((m = p.match(/^\/documents(?:\/(\d+))?$/))) {
      var no = +(m[1] || 1), docs = await rest("documents", { projects: "eq:" + slug, size: 1000 });
      return layout(ctx, [], t.documents, '<ul class="document-list">' + docs.slice((no - 1) * 20, no * 20).map(function (d) { return docItem(ctx, d); }).join("") +
        "</ul>" + pager("/documents/", no, docs.length, 20));
    }
    if ((m = p.match(/^\/documents\/details\/(\d+)$/))) {
      var doc = await rest("documents", { projects: "eq:" + slug, id: "eq:" + m[1], size: 1 });
      if (!doc.length) return notFound(ctx);
      var d = doc[0];
      return layout(ctx, [{ href: link("/documents/1"), title: t.documents }], d.title, '<article class="document"><p class="date">' + t.published + ": " +
        date(d.created_date, true) + " · " + t.updated + ": " + date(d.updated_date, true) + '</p><div class="document-text">' + d.content +
        "</div><p>" + docLink(ctx, d) + "</p></article>");
    }
    if (p === "/about/structure" || (m = p.match(/^\/about\/structure\/people\/(\d+)$/))) {
      var people = await rest("curators", { projects: "eq:" + slug, "sort-by": "order:ASC", size: 100 });
      if (m) people = people.filter(function (c) { return String(c.id) === m[1]; });
      if (m && !people.length) return notFound(ctx);
      var page = pageBySlug(ctx, "structure");
      return layout(ctx, [], m && people.length ? people[0].lastname + " " + people[0].name : page ? page.title : t.notFound,
        '<ul class="leadership">' + people.map(function (c) {
          return '<li class="person"><a href="' + esc(link("/about/structure/people/" + c.id)) + '">' + esc(c.lastname + " " + c.name + " " + c.middlename) +
            "</a><div>" + t.position + ": " + esc(c.position) + "</div><div>" + t.phone + ": " + esc(c.phone) + '</div><div><a href="mailto:' +
            esc(c.email) + '">' + esc(c.email) + "</a></div>" + (m ? c.biography : "") + "</li>";
        }).join("") + "</ul>");
    }
    if (p === "/contacts") {
      var data = await gql('{ contacts_page(projects: "eq:' + slug + '", _lang: "' + lang + '") { id organisations } }');
      var orgs = data.contacts_page.length ? data.contacts_page[0].organisations : [];
      return layout(ctx, [], (pageBySlug(ctx, "contacts") || { title: t.notFound }).title, '<div class="contacts">' + orgs.map(function (o) {
        return '<section class="contact-unit"><h2>' + esc(o.name) + "</h2>" + (o.address ? '<p class="address">' + esc(o.address) + "</p>" : "") +
          (o.phones || []).map(function (ph) { return '<p class="phone">' + esc(ph) + "</p>"; }).join("") +
          (o.email ? '<p><a href="mailto:' + esc(o.email) + '">' + esc(o.email) + "</a></p>" : "") +
          (o.links || []).map(function (l) { return '<p><a href="' + esc(l) + '" target="_blank" rel="noopener">' + esc(l) + "</a></p>"; }).join("") + "</section>";
      }).join("") + "</div>");
    }
    if (p === "/about") { var about = pageBySlug(ctx, "about"); return about ? layout(ctx, [], about.title, about.content) : notFound(ctx); }
    if ((m = p.match(/^\/activities\/([\w-]+)$/))) return activity(ctx, pageBySlug(ctx, m[1]));
    if (p === "/search") return search(ctx);
    if (p === "/sitemap") {
      return layout(ctx, [], t.sitemap, '<ul class="sitemap"><li><a href="' + esc(link("")) + '">' + t.home + "</a></li>" +
        ctx.pages.filter(function (x) { return x.is_menu_item; }).map(function (x) {
          return '<li><a href="' + esc(link(x.internal_link)) + '">' + esc(x.title) + "</a></li>";
        }).join("") + '<li><a href="' + esc(link("/documents/1")) + '">' + t.documents + "</a></li></ul>");
    }
    return notFound(ctx);
  }
  function pageBySlug(ctx, s) { return ctx.pages.filter(function (x) { return x.slug === s; })[0]; }
  function notFound(ctx) { return layout(ctx, [], t.notFound, '<p class="not-found">404</p>'); }

  async function activity(ctx, page) {
    if (!page) return notFound(ctx);
    var html = page.content || "";
    if (page.kind === "documents") {
      var ids = { npa: 14601, budget: 14602, inspections: 14603, statistics: 14604, plans: 14605 };
      var docs = await rest("documents", { projects: "eq:" + slug, directions: ids[page.category], size: 1000 });
      html += '<ul class="document-list">' + docs.map(function (d) { return docItem(ctx, d); }).join("") + "</ul>";
    } else if (page.kind === "feedback") {
      html += '<form class="feedback-form" novalidate><label>' + t.name + ' <input name="name"></label><label>' + t.email +
        ' <input name="email" type="email"></label><label>' + t.message + ' <textarea name="message"></textarea></label><div class="form-errors" role="alert"></div><button type="submit">' +
        t.send + '</button></form><p class="form-status" aria-live="polite"></p>';
    } else if (page.kind === "polls") {
      html += '<form class="poll"><fieldset><legend>' + t.pollQ + "</legend>" + t.pollA.map(function (a, i) {
        return '<label><input type="radio" name="answer" value="' + i + '"> ' + a + "</label>";
      }).join("") + '</fieldset><button type="submit">' + t.vote + "</button></form>";
    } else if (page.kind === "vr") {
      var vr = await publicData(slug);
      html += '<ul class="vr-questions">' + (vr.content || []).map(function (q) {
        return '<li class="vr-question ' + q.status + '"><p class="question">' + esc(q.question) + '</p><span class="date">' + date(q.created_at) +
          '</span> <span class="status">' + (q.status === "answered" ? t.answered : t.pending) + "</span>" +
          (q.answer ? '<p class="answer">' + esc(q.answer) + "</p>" : "") + "</li>";
      }).join("") + "</ul>";
    }
    layout(ctx, [], page.title, html);
    var form = root.querySelector(".feedback-form");
    if (form) form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var errors = [];
      if (ctx.options.feedback_validation) {
        if (!form.name.value.trim()) errors.push(t.errName);
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.value)) errors.push(t.errEmail);
        if (!form.message.value.trim()) errors.push(t.errMessage);
      }
      form.querySelector(".form-errors").innerHTML = errors.map(function (e) { return '<p class="form-error">' + esc(e) + "</p>"; }).join("");
      root.querySelector(".form-status").textContent = errors.length ? "" : t.thanks;
    });
  }

  async function search(ctx) {
    var q = (query.get("query") || "").trim().toLowerCase(), full = !ctx.options.search || ctx.options.search.fulltext !== false, hits = [];
    if (q) {
      var news = await rest("news", { projects: "eq:" + slug, size: 1000 }, true);
      news.forEach(function (n) {
        if ((n.title + (full ? " " + n.body : "")).toLowerCase().indexOf(q) >= 0) hits.push({ href: link("/press/news/details/" + n.id), title: n.title, date: n.created_date });
      });
      if (full) {
        var docs = await rest("documents", { projects: "eq:" + slug, size: 1000 });
        docs.forEach(function (d) {
          if ((d.title + " " + d.content).toLowerCase().indexOf(q) >= 0) hits.push({ href: link("/documents/details/" + d.id), title: d.title, date: d.created_date });
        });
      }
    }
    layout(ctx, [], t.results, '<p class="search-count">' + t.found + ": " + hits.length + '</p><ul class="search-results">' + hits.map(function (h) {
      return '<li><span class="date">' + date(h.date) + '</span> <a href="' + esc(h.href) + '">' + esc(h.title) + "</a></li>";
    }).join("") + "</ul>");
  }

  (async function main() {
    try {
      var pages = await rest("pages", { projects: "eq:" + slug, "sort-by": "order:ASC", size: 1000 });
      var details = await gql('{ projectdetails(projects: "eq:' + slug + '", _lang: "' + lang + '") { project_name } }');
      if (!details.projectdetails.length) { root.innerHTML = '<main id="main"><h1>404</h1></main>'; return; }
      var home = pages.filter(function (x) { return x.slug === "home"; })[0];
      var ctx = { pages: pages, name: details.projectdetails[0].project_name, options: home ? home.options : { langs: ["kk", "ru"] } };
      if (ctx.options.rss) {
        var alt = document.createElement("link");
        alt.rel = "alternate"; alt.type = "application/rss+xml"; alt.href = link("/press/news/rss");
        document.head.appendChild(alt);
      }
      await route(ctx);
      root.setAttribute("data-rendered", "true");
    } catch (err) {
      root.innerHTML = '<main id="main"><h1>Error</h1><p class="error">' + esc(err.message) + "</p></main>";
    }
  })();
})();
