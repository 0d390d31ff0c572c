// suranys.gov.kz front end 2.3.0 — draws every page from the CMS's GraphQL API (POST /graphql).
// The server answers the same shell on every /kk/… and /ru/… address; this script reads the address,
// asks the CMS for the menu and the node at that address and draws them into #root.

const API = "/graphql";

const WORDS = {
  kk: {
    skip: "Негізгі мазмұнға өту",
    official: "Ресми интернет-ресурс",
    home: "Басты бет",
    search: "Іздеу",
    searchLabel: "Сайттан іздеу",
    searchPath: "/kk/izdeu",
    menu: "Мәзір",
    loading: "Жүктелуде…",
    notFoundTitle: "Бет табылмады",
    notFound: "Сіз іздеген бет жоқ немесе басқа мекенжайға көшірілген.",
    toHome: "Басты бетке оралу",
    modified: "Өзгертілген күні",
    published: "Жарияланды",
    more: "Тағы жүктеу",
    news: "Жаңалықтар",
    allNews: "Барлық жаңалықтар",
    updates: "Сайттағы соңғы жаңартулар",
    found: (q, n) => `«${q}» сұранысы бойынша табылды: ${n}`,
    nothing: (q) => `«${q}» сұранысы бойынша ештеңе табылмады.`,
    empty: "Іздеу үшін сөз енгізіңіз.",
    noItems: "Әзірге жазба жоқ.",
    docNumber: "№",
    vacancy: { department: "Бөлімше", category: "Санаты", salary: "Лауазымдық жалақы", deadline: "Құжаттар қабылдау мерзімі", requirements: "Біліктілік талаптары", duties: "Функционалдық міндеттері", contact: "Кеңес беру" },
    form: { name: "Аты-жөніңіз", email: "Электрондық пошта", text: "Сұрағыңыз", send: "Жіберу", needName: "Аты-жөніңізді жазыңыз.", needEmail: "Электрондық пошта мекенжайын дұрыс жазыңыз.", needText: "Сұрақ мәтіні кемінде 10 таңбадан тұруы керек.", sent: "Сұрағыңыз қабылданды. Тіркеу нөмірі: " },
    vote: "Дауыс беру",
    voted: "Дауысыңыз есепке алынды. Рақмет!",
    top: "↑ Жоғары",
  },
  ru: {
    skip: "Перейти к основному содержанию",
    official: "Официальный интернет-ресурс",
    home: "Главная",
    search: "Найти",
    searchLabel: "Поиск по сайту",
    searchPath: "/ru/poisk",
    menu: "Меню",
    loading: "Загрузка…",
    notFoundTitle: "Страница не найдена",
    notFound: "Запрашиваемая страница не существует или была перемещена.",
    toHome: "Вернуться на главную",
    modified: "Дата изменения",
    published: "Опубликовано",
    more: "Загрузить ещё",
    news: "Новости",
    allNews: "Все новости",
    updates: "Последние обновления на сайте",
    found: (q, n) => `По запросу «${q}» найдено: ${n}`,
    nothing: (q) => `По запросу «${q}» ничего не найдено.`,
    empty: "Введите слово для поиска.",
    noItems: "Записей пока нет.",
    docNumber: "№",
    vacancy: { department: "Подразделение", category: "Категория", salary: "Должностной оклад", deadline: "Срок приёма документов", requirements: "Квалификационные требования", duties: "Функциональные обязанности", contact: "Консультации" },
    form: { name: "Ваше имя", email: "Электронная почта", text: "Ваш вопрос", send: "Отправить", needName: "Укажите ваше имя.", needEmail: "Укажите правильный адрес электронной почты.", needText: "Текст вопроса должен содержать не менее 10 символов.", sent: "Ваш вопрос принят. Регистрационный номер: " },
    vote: "Голосовать",
    voted: "Ваш голос учтён. Спасибо!",
    top: "↑ Наверх",
  },
};

const Q = {
  Menu: `query Menu($lang: LanguageCode!) {
  menu(location: PRIMARY, lang: $lang) { items { title uri children { title uri } } }
  footer(lang: $lang) { address phone email socials { title url } links { title uri } copyright }
}`,
  Route: `query Route($uri: String!) {
  nodeByUri(uri: $uri) {
    __typename uri lang title modified
    translation { uri }
    breadcrumbs { title uri }
    ... on HomePage { slides { title text uri } latestNews { title uri date } updates { date title uri } }
    ... on NewsItem { date image { src alt } html }
    ... on Page { blocks {
      __typename
      ... on RichText { html }
      ... on Files { title files { title url format size date } }
      ... on Table { caption head rows wideColumns }
      ... on Image { src alt caption width height }
      ... on Listing { source rubric category }
      ... on Faq { items { question answer } }
      ... on Poll { id question options }
      ... on QuestionForm { topic }
      ... on Sitemap { tree { title uri children { title uri children { title uri } } } }
    } }
  }
}`,
  NewsList: `query NewsList($lang: LanguageCode!, $rubric: Rubric!, $first: Int!, $after: String) {
  news(lang: $lang, rubric: $rubric, first: $first, after: $after) {
    edges { cursor node { title uri date excerpt } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  Documents: `query Documents($lang: LanguageCode!, $category: DocumentCategory!, $first: Int!, $after: String) {
  documents(lang: $lang, category: $category, first: $first, after: $after) {
    totalCount
    edges { cursor node { title number date status link files { title url format size } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  Vacancies: `query Vacancies($lang: LanguageCode!) {
  vacancies(lang: $lang) { title department category salary deadline requirements duties contact published }
}`,
  SiteSearch: `query SiteSearch($lang: LanguageCode!, $text: String!) {
  search(lang: $lang, text: $text) { total nodes { title uri } }
}`,
  SendQuestion: `mutation SendQuestion($input: QuestionInput!) {
  sendQuestion(input: $input) { ok number }
}`,
  Vote: `mutation Vote($poll: ID!, $option: Int!) {
  vote(poll: $poll, option: $option) { ok }
}`,
};

async function gql(operationName, variables = {}) {
  const response = await fetch(API, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ operationName, query: Q[operationName], variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    const error = new Error(body.errors[0].message);
    error.code = body.errors[0].extensions?.code;
    throw error;
  }
  return body.data;
}

// ---------- small helpers ----------

const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const pad = (n) => String(n).padStart(2, "0");
function dateOnly(iso) {
  const d = new Date(iso);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}
function dateTime(iso) {
  const d = new Date(iso);
  return `${dateOnly(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function link(title, uri) {
  if (/^https?:\/\//.test(uri)) {
    return `<a href="${esc(uri)}" target="_blank" rel="noopener">${esc(title)}</a>`;
  }
  return `<a href="${esc(uri)}">${esc(title)}</a>`;
}
function langOf(path) {
  return path.startsWith("/ru") ? "ru" : "kk";
}

// ---------- layout ----------

let layoutLang = null;
let slideTimer = null;

function header(lang, menu, otherUri) {
  const w = WORDS[lang];
  const items = menu.items
    .map((item) => {
      const sub = item.children?.length ? `<ul>${item.children.map((c) => `<li>${link(c.title, c.uri)}</li>`).join("")}</ul>` : "";
      return `<li>${link(item.title, item.uri)}${sub}</li>`;
    })
    .join("");
  return `
<a class="skip" href="#main">${w.skip}</a>
<header class="top"><div class="wrap">
  <a class="brand" href="/${lang}/">
    <img src="/media/site/emblem-large.png" width="72" height="72" alt="${lang === "kk" ? "Қазақстан Республикасының Мемлекеттік Елтаңбасы" : "Государственный Герб Республики Казахстан"}">
    <span><small>${w.official}</small><strong>${lang === "kk" ? "Қазақстан Республикасы Ойын бизнесі мен лотереяларды реттеу агенттігі" : "Агентство Республики Казахстан по регулированию игорного бизнеса и лотерей"}</strong></span>
  </a>
  <form class="search" role="search" action="${w.searchPath}">
    <label class="skip" for="q">${w.searchLabel}</label>
    <input id="q" name="q" type="search" maxlength="200" placeholder="${w.searchLabel}">
    <button type="submit">${w.search}</button>
  </form>
  <nav class="lang" aria-label="Тіл / Язык">
    <a href="${lang === "kk" ? "/kk/" : esc(otherUri)}" ${lang === "kk" ? 'aria-current="true"' : ""} lang="kk">Қаз</a>
    <a href="${lang === "ru" ? "/ru/" : esc(otherUri)}" ${lang === "ru" ? 'aria-current="true"' : ""} lang="ru">Рус</a>
  </nav>
</div></header>
<nav class="menu" id="menu" aria-label="${w.menu}"><div class="wrap">
  <button class="burger" type="button" aria-controls="menu" aria-expanded="false">☰ ${w.menu}</button>
  <ul>${items}</ul>
</div></nav>`;
}

function footer(lang, foot) {
  const socials = foot.socials.map((s) => link(s.title, s.url)).join(" · ");
  const links = foot.links.map((l) => `<li>${link(l.title, l.uri)}</li>`).join("");
  return `<footer class="foot"><div class="wrap cols">
  <div><p>${esc(foot.address)}</p><p>${esc(foot.phone)}<br>${link(foot.email, "mailto:" + foot.email)}</p></div>
  <div><ul>${links}</ul></div>
  <div><p>${socials}</p><p>${esc(foot.copyright)}</p></div>
</div></footer>
<a class="to-top" href="#main">${WORDS[lang].top}</a>`;
}

async function drawLayout(lang, otherUri) {
  const data = await gql("Menu", { lang: lang.toUpperCase() });
  document.documentElement.lang = lang;
  document.getElementById("root").innerHTML = `${header(lang, data.menu, otherUri)}
<main id="main" tabindex="-1"><div class="wrap" id="view"><p>${WORDS[lang].loading}</p></div></main>
${footer(lang, data.footer)}`;
  layoutLang = lang;
  document.querySelector(".burger").addEventListener("click", (e) => {
    const open = document.getElementById("menu").classList.toggle("open");
    e.currentTarget.setAttribute("aria-expanded", String(open));
  });
}

function setSwitch(lang, otherUri) {
  const other = lang === "kk" ? "ru" : "kk";
  const a = document.querySelector(`.lang a[lang="${other}"]`);
  if (a) a.setAttribute("href", otherUri || `/${other}/`);
}

// ---------- blocks ----------

function crumbs(node, lang) {
  if (!node.breadcrumbs?.length) return "";
  const trail = [...node.breadcrumbs.map((b) => link(b.title, b.uri)), `<span>${esc(node.title)}</span>`];
  return `<nav class="crumbs" aria-label="breadcrumb">${trail.join(" › ")}</nav>`;
}

function files(block) {
  const rows = block.files
    .map((f) => `<li>${link(f.title, f.url)}<span class="meta">(${esc(f.format)}, ${esc(f.size)}${f.date ? ", " + dateOnly(f.date) : ""})</span></li>`)
    .join("");
  return `${block.title ? `<h2>${esc(block.title)}</h2>` : ""}<ul class="files">${rows}</ul>`;
}

function table(block) {
  const wide = new Set(block.wideColumns || []);
  const cls = (i) => (wide.has(i) ? ' class="col-wide"' : "");
  const head = block.head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join("");
  const rows = block.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join("")}</tr>`).join("");
  return `<div class="table-box"><table>${block.caption ? `<caption>${esc(block.caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function tree(items) {
  return `<ul>${items.map((i) => `<li>${link(i.title, i.uri)}${i.children?.length ? tree(i.children) : ""}</li>`).join("")}</ul>`;
}

function block(b, lang) {
  switch (b.__typename) {
    case "RichText":
      return b.html;
    case "Files":
      return files(b);
    case "Table":
      return table(b);
    case "Image":
      return `<figure><img src="${esc(b.src)}" alt="${esc(b.alt)}" width="${b.width}" height="${b.height}" style="max-width:100%;height:auto">${b.caption ? `<figcaption>${esc(b.caption)}</figcaption>` : ""}</figure>`;
    case "Faq":
      return `<dl class="faq">${b.items.map((i) => `<dt>${esc(i.question)}</dt><dd>${i.answer}</dd>`).join("")}</dl>`;
    case "Sitemap":
      return tree(b.tree);
    case "Poll":
      return `<form class="poll" data-poll="${esc(b.id)}"><fieldset><legend>${esc(b.question)}</legend>${b.options
        .map((o, i) => `<label><input type="radio" name="option" value="${i}"> ${esc(o)}</label><br>`)
        .join("")}</fieldset><button type="submit">${WORDS[lang].vote}</button><p class="poll-result" role="status"></p></form>`;
    case "QuestionForm":
      return questionForm(lang);
    case "Listing":
      return `<div class="listing" data-source="${esc(b.source)}" data-rubric="${esc(b.rubric || "")}" data-category="${esc(b.category || "")}"></div>`;
    default:
      return "";
  }
}

function questionForm(lang) {
  const f = WORDS[lang].form;
  return `<form class="form" id="question" novalidate>
  <label for="f-name">${f.name}</label><input id="f-name" name="name" autocomplete="name">
  <label for="f-email">${f.email}</label><input id="f-email" name="email" type="email" autocomplete="email">
  <label for="f-text">${f.text}</label><textarea id="f-text" name="text" rows="6"></textarea>
  <button type="submit">${f.send}</button>
  <p class="sent" role="status"></p>
</form>`;
}

// ---------- lists fetched after the page ----------

async function fillNews(el, lang, after = null) {
  const data = await gql("NewsList", { lang: lang.toUpperCase(), rubric: el.dataset.rubric || "NEWS", first: 8, after });
  const { edges, pageInfo } = data.news;
  if (!edges.length && !after) {
    el.innerHTML = `<p>${WORDS[lang].noItems}</p>`;
    return;
  }
  const cards = edges
    .map(({ node }) => `<article class="card"><time datetime="${node.date}">${dateTime(node.date)}</time><h3>${link(node.title, node.uri)}</h3><p>${esc(node.excerpt)}</p></article>`)
    .join("");
  let grid = el.querySelector(".cards");
  if (!grid) {
    el.innerHTML = `<div class="cards"></div>`;
    grid = el.querySelector(".cards");
  }
  grid.insertAdjacentHTML("beforeend", cards);
  el.querySelector(".more")?.remove();
  if (pageInfo.hasNextPage) {
    const more = document.createElement("div");
    more.className = "more";
    more.textContent = WORDS[lang].more;
    more.addEventListener("click", () => fillNews(el, lang, pageInfo.endCursor));
    el.appendChild(more);
  }
}

async function fillDocuments(el, lang, after = null) {
  const data = await gql("Documents", { lang: lang.toUpperCase(), category: el.dataset.category, first: 20, after });
  const { edges, pageInfo } = data.documents;
  if (!edges.length && !after) {
    el.innerHTML = `<p>${WORDS[lang].noItems}</p>`;
    return;
  }
  const rows = edges
    .map(({ node }) => {
      const list = node.files.map((f) => `${link(f.title, f.url)} <span class="meta">(${esc(f.format)}, ${esc(f.size)})</span>`).join("<br>");
      const external = node.link ? `<br>${link(node.link.title, node.link.url)}` : "";
      return `<tr><td>${esc(node.number || "—")}</td><td>${dateOnly(node.date)}</td><td><strong>${esc(node.title)}</strong>${node.status ? `<br><em>${esc(node.status)}</em>` : ""}</td><td>${list}${external}</td></tr>`;
    })
    .join("");
  let body = el.querySelector("tbody");
  if (!body) {
    const h = lang === "kk" ? ["№", "Күні", "Атауы", "Файлдар"] : ["№", "Дата", "Наименование", "Файлы"];
    el.innerHTML = `<div class="table-box"><table><thead><tr>${h.map((x) => `<th>${x}</th>`).join("")}</tr></thead><tbody></tbody></table></div>`;
    body = el.querySelector("tbody");
  }
  body.insertAdjacentHTML("beforeend", rows);
  el.querySelector(".more")?.remove();
  if (pageInfo.hasNextPage) {
    const more = document.createElement("div");
    more.className = "more";
    more.textContent = WORDS[lang].more;
    more.addEventListener("click", () => fillDocuments(el, lang, pageInfo.endCursor));
    el.appendChild(more);
  }
}

async function fillVacancies(el, lang) {
  const data = await gql("Vacancies", { lang: lang.toUpperCase() });
  const v = WORDS[lang].vacancy;
  if (!data.vacancies.length) {
    el.innerHTML = `<p>${WORDS[lang].noItems}</p>`;
    return;
  }
  el.innerHTML = data.vacancies
    .map(
      (x) => `<article class="card"><h3>${esc(x.title)}</h3><time>${WORDS[lang].published}: ${dateOnly(x.published)}</time>
<dl><dt>${v.department}</dt><dd>${esc(x.department)}</dd><dt>${v.category}</dt><dd>${esc(x.category)}</dd>
<dt>${v.salary}</dt><dd>${esc(x.salary)}</dd><dt>${v.deadline}</dt><dd>${esc(x.deadline)}</dd>
<dt>${v.duties}</dt><dd>${x.duties || "—"}</dd><dt>${v.requirements}</dt><dd>${x.requirements || "—"}</dd>
<dt>${v.contact}</dt><dd>${esc(x.contact)}</dd></dl></article>`,
    )
    .join("");
}

function fillListings(lang) {
  for (const el of document.querySelectorAll(".listing")) {
    const source = el.dataset.source;
    if (source === "NEWS") fillNews(el, lang);
    else if (source === "DOCUMENTS") fillDocuments(el, lang);
    else if (source === "VACANCIES") fillVacancies(el, lang);
  }
}

// ---------- forms ----------

function wireForms(lang) {
  const form = document.getElementById("question");
  if (form) {
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = WORDS[lang].form;
      form.querySelectorAll(".err").forEach((p) => p.remove());
      const checks = [
        ["name", (v) => v.trim().length > 0, f.needName],
        ["email", (v) => /.+@.+\..+/.test(v), f.needEmail],
        ["text", (v) => v.trim().length >= 10, f.needText],
      ];
      let ok = true;
      for (const [name, test, message] of checks) {
        const input = form.elements[name];
        const bad = !test(input.value);
        input.setAttribute("aria-invalid", String(bad));
        if (bad) {
          ok = false;
          input.setAttribute("aria-describedby", `err-${name}`);
          input.insertAdjacentHTML("afterend", `<p class="err" id="err-${name}">${message}</p>`);
        }
      }
      if (!ok) return;
      const input = { lang: lang.toUpperCase(), name: form.elements.name.value, email: form.elements.email.value, text: form.elements.text.value };
      const data = await gql("SendQuestion", { input });
      form.querySelector(".sent").textContent = f.sent + data.sendQuestion.number;
      form.reset();
    });
  }
  for (const poll of document.querySelectorAll("form.poll")) {
    poll.addEventListener("submit", async (e) => {
      e.preventDefault();
      const chosen = poll.querySelector("input:checked");
      if (!chosen) return;
      await gql("Vote", { poll: poll.dataset.poll, option: Number(chosen.value) });
      poll.querySelector(".poll-result").textContent = WORDS[lang].voted;
    });
  }
}

// ---------- pages ----------

function drawHome(node, lang) {
  const w = WORDS[lang];
  const slides = node.slides.map((s, i) => `<div class="slide${i === 0 ? " on" : ""}"><h2>${esc(s.title)}</h2><p>${esc(s.text)}</p>${s.uri ? link("→", s.uri) : ""}</div>`).join("");
  const news = node.latestNews.map((n) => `<article class="card"><time>${dateTime(n.date)}</time><h3>${link(n.title, n.uri)}</h3></article>`).join("");
  const updates = node.updates.map((u) => `<li><time>${dateOnly(u.date)}</time>${link(u.title, u.uri)}</li>`).join("");
  return `<h1 class="skip">${esc(node.title)}</h1>
<div class="slides">${slides}</div>
<section><h2>${w.news}</h2><div class="cards">${news}</div><p>${link(w.allNews, lang === "kk" ? "/kk/zhanalyqtar" : "/ru/novosti")}</p></section>
<section><h2>${w.updates}</h2><ul class="updates">${updates}</ul></section>`;
}

function startSlides() {
  clearInterval(slideTimer);
  const slides = [...document.querySelectorAll(".slide")];
  if (slides.length < 2) return;
  let i = 0;
  slideTimer = setInterval(() => {
    slides[i].classList.remove("on");
    i = (i + 1) % slides.length;
    slides[i].classList.add("on");
  }, 6000);
}

function drawNode(node, lang) {
  const w = WORDS[lang];
  if (node.__typename === "HomePage") return drawHome(node, lang);
  if (node.__typename === "NewsItem") {
    const picture = node.image ? `<figure><img src="${esc(node.image.src)}" alt="${esc(node.image.alt)}" style="max-width:100%;height:auto"></figure>` : "";
    return `${crumbs(node, lang)}<h1>${esc(node.title)}</h1><p class="stamp">${w.published}: ${dateTime(node.date)}</p>${picture}${node.html}`;
  }
  const stamp = node.modified ? `<p class="stamp">${w.modified}: ${dateTime(node.modified)}</p>` : "";
  return `${crumbs(node, lang)}<h1>${esc(node.title)}</h1>${node.blocks.map((b) => block(b, lang)).join("\n")}${stamp}`;
}

function drawNotFound(lang) {
  const w = WORDS[lang];
  document.title = w.notFoundTitle;
  return `<div class="not-found"><h1>${w.notFoundTitle}</h1><p>${w.notFound}</p><p>${link(w.toHome, `/${lang}/`)}</p></div>`;
}

async function drawSearch(lang) {
  const w = WORDS[lang];
  const text = new URLSearchParams(location.search).get("q") || "";
  document.querySelector("#q").value = text;
  document.title = w.searchLabel;
  if (!text.trim()) return `<h1>${w.searchLabel}</h1><p>${w.empty}</p>`;
  const data = await gql("SiteSearch", { lang: lang.toUpperCase(), text });
  const { total, nodes } = data.search;
  if (!total) return `<h1>${w.searchLabel}</h1><p>${w.nothing(esc(text))}</p>`;
  return `<h1>${w.searchLabel}</h1><p>${w.found(esc(text), total)}</p><ol>${nodes.map((n) => `<li>${link(n.title, n.uri)}</li>`).join("")}</ol>`;
}

async function render() {
  const path = location.pathname;
  const lang = langOf(path);
  if (layoutLang !== lang) await drawLayout(lang, lang === "kk" ? "/ru/" : "/kk/");
  const view = document.getElementById("view");
  view.innerHTML = `<p>${WORDS[lang].loading}</p>`;
  clearInterval(slideTimer);
  if (path === WORDS[lang].searchPath) {
    view.innerHTML = await drawSearch(lang);
    setSwitch(lang, null);
    return;
  }
  let node = null;
  try {
    node = (await gql("Route", { uri: path })).nodeByUri;
  } catch (error) {
    node = null; // NOT_FOUND and any other error: the page is drawn as not found
  }
  if (!node) {
    view.innerHTML = drawNotFound(lang);
    setSwitch(lang, null);
    return;
  }
  document.title = `${node.title} — ${lang === "kk" ? "Ойын бизнесі мен лотереяларды реттеу агенттігі" : "Агентство по регулированию игорного бизнеса и лотерей"}`;
  view.innerHTML = drawNode(node, lang);
  setSwitch(lang, node.translation?.uri);
  fillListings(lang);
  wireForms(lang);
  startSlides();
  document.getElementById("main").focus({ preventScroll: true });
}

// links inside the site move by history, not by a new document
document.addEventListener("click", (e) => {
  const a = e.target.closest("a[href]");
  if (!a || a.target || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/media/") || url.hash && url.pathname === location.pathname) return;
  e.preventDefault();
  history.pushState(null, "", url.pathname + url.search);
  window.scrollTo(0, 0);
  render();
});
document.addEventListener("submit", (e) => {
  const form = e.target.closest("form.search");
  if (!form) return;
  e.preventDefault();
  const q = form.querySelector("input").value;
  history.pushState(null, "", `${form.getAttribute("action")}?q=${encodeURIComponent(q)}`);
  render();
});
window.addEventListener("popstate", render);
render();
