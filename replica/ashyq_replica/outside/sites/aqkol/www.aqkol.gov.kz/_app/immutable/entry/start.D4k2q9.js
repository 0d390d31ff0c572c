// SvelteKit-like client: hydrates the prerendered page, routes link clicks through __data.json
const cache = new Map();
function dataUrl(path) { return path.replace(/\/$/, "") + "/__data.json"; }
async function load(path) {
  if (!cache.has(path)) cache.set(path, fetch(dataUrl(path)).then(r => { if (!r.ok) throw new Error(r.status); return r.json(); }));
  const d = await cache.get(path);
  return d.nodes[1].data;
}
function crumbsHtml(lang, node) {
  const home = lang === "kk" ? "Басты бет" : "Главная";
  const parts = [`<li><a href="/${lang}/">${home}</a></li>`].concat((node.crumbs || []).map(c => `<li><a href="/${lang}/${c[0]}">${c[1]}</a></li>`));
  return `<ol>${parts.join("")}<li aria-current="page">${node.title}</li></ol>`;
}
function fmt(d) { const [day, t] = d.split("T"); const [y, m, dd] = day.split("-"); return `${dd}.${m}.${y}` + (t ? " " + t : ""); }
function render(lang, node, main) {
  const posted = lang === "kk" ? "Жарияланды" : "Опубликовано", changed = lang === "kk" ? "Өзгертілді" : "Изменено";
  let h = node.route ? `<h1>${node.title}</h1>` : "";
  if (node.stamp) h += `<p class="stamp">${posted}: <time datetime="${node.stamp[0]}">${fmt(node.stamp[0])}</time> · ${changed}: <time datetime="${node.stamp[1]}">${fmt(node.stamp[1])}</time></p>`;
  main.innerHTML = h + node.html;
  main.dataset.route = node.route;
  const crumbs = document.querySelector("nav.crumbs");
  if (crumbs) crumbs.innerHTML = crumbsHtml(lang, node);
  document.title = node.title + (lang === "kk" ? " — Ақкөл қаласының әкімдігі" : " — Акимат города Акколь");
  const other = lang === "kk" ? "ru" : "kk";
  const sw = document.querySelector("a.lang"); if (sw) sw.href = `/${other}/${node.route}`;
  hydrate(lang, main, node);
  window.scrollTo(0, 0);
}
async function go(lang, path, main, push) {
  try { const node = await load(path); render(lang, node, main); if (push) history.pushState({ path }, "", path); }
  catch (e) { location.href = path; }
}
// data tables: the first 20 rows are in the HTML, the rest in the page's __data.json
function table(lang, box, node) {
  const key = box.dataset.table;
  const tbody = box.querySelector("tbody"), year = box.querySelector("select.year"), pager = box.querySelector(".pager");
  let rows = null, page = 0, order = 1;
  const size = 20;
  async function all() { if (!rows) { const n = node || await load(location.pathname); rows = n[key] || []; } return rows; }
  async function draw() {
    let list = (await all()).filter(r => !year || !year.value || String(r.date).startsWith(year.value));
    list = list.slice().sort((a, b) => (a.date < b.date ? 1 : -1) * order);
    const view = list.slice(page * size, page * size + size);
    tbody.innerHTML = view.map(r => `<tr data-row='${JSON.stringify(r).replace(/'/g, "&#39;")}'><td>${fmt(r.date)}</td><td>${r.no || ""}</td><td>${r.href ? `<a href="${r.href}">${r.title}</a>` : r.title}</td></tr>`).join("");
    if (pager) pager.querySelector("output").textContent = `${page + 1} / ${Math.max(1, Math.ceil(list.length / size))}`;
  }
  if (year) year.addEventListener("change", () => { page = 0; draw(); });
  box.querySelectorAll("th[data-sort]").forEach(th => th.addEventListener("click", () => { order = -order; draw(); }));
  if (pager) {
    pager.querySelector(".prev").addEventListener("click", () => { if (page > 0) { page--; draw(); } });
    pager.querySelector(".next").addEventListener("click", async () => { const n = (await all()).length; if ((page + 1) * size < n) { page++; draw(); } });
  }
  tbody.addEventListener("click", e => {
    if (e.target.closest("a")) return;
    const tr = e.target.closest("tr[data-row]"); if (!tr) return;
    panel(lang, JSON.parse(tr.dataset.row));
  });
}
// the side panel of a row: opened as a non-modal dialog, closed by the cross
function panel(lang, r) {
  const d = document.getElementById("panel"); if (!d) return;
  const t = lang === "kk" ? { no: "Нөмірі", date: "Күні", kind: "Түрі", status: "Мәртебесі", dl: "Жүктеп алу" } : { no: "Номер", date: "Дата", kind: "Вид", status: "Статус", dl: "Скачать" };
  d.querySelector(".panel-body").innerHTML = `<h2>${r.title}</h2><dl><dt>${t.date}</dt><dd>${fmt(r.date)}</dd>${r.no ? `<dt>${t.no}</dt><dd>${r.no}</dd>` : ""}${r.kind ? `<dt>${t.kind}</dt><dd>${r.kind}</dd>` : ""}${r.status ? `<dt>${t.status}</dt><dd>${r.status}</dd>` : ""}</dl>${r.text || ""}${r.file ? `<p><a class="dl" href="${r.file}" download>${t.dl}</a> ${r.size || ""}</p>` : ""}`;
  d.show();
}
function blobs(main) {
  main.querySelectorAll("[data-blob]").forEach(b => b.addEventListener("click", async () => {
    const r = await fetch(b.dataset.blob); const u = URL.createObjectURL(await r.blob());
    const a = document.createElement("a"); a.href = u; a.download = b.dataset.name || "file"; document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(u), 4000);
  }));
}
function carousel(main) {
  const c = main.querySelector(".slides"); if (!c) return;
  const s = [...c.children]; let i = 0;
  setInterval(() => { s[i].classList.remove("on"); i = (i + 1) % s.length; s[i].classList.add("on"); }, 4000);
}
function hydrate(lang, main, node) {
  main.querySelectorAll("[data-table]").forEach(box => table(lang, box, node));
  blobs(main); carousel(main);
  main.querySelectorAll("[data-skeleton]").forEach(async box => {
    const n = node || await load(location.pathname);
    const list = n[box.dataset.skeleton] || [];
    box.innerHTML = list.length ? "<ul>" + list.map(x => `<li><a href="${x.file}">${x.title}</a> (${x.size})</li>`).join("") + "</ul>" : "";
  });
}
export function start({ lang, element }) {
  hydrate(lang, element, null);
  const x = document.querySelector("#panel .panel-x"); if (x) x.addEventListener("click", () => document.getElementById("panel").close());
  document.addEventListener("click", e => {
    const a = e.target.closest("a[href]");
    if (!a || a.target || a.hasAttribute("download") || e.ctrlKey || e.metaKey) return;
    const u = new URL(a.href, location.href);
    if (u.origin !== location.origin || !/^\/(kk|ru)\//.test(u.pathname) || /\.(xml|json)$/.test(u.pathname) || u.search || u.hash) return;
    if (u.pathname.split("/")[1] !== lang) return; // the language switch loads the other language's document
    e.preventDefault();
    go(lang, u.pathname, document.querySelector("main"), true);
  });
  addEventListener("popstate", () => go(lang, location.pathname, document.querySelector("main"), false));
  const hot = document.querySelector(".hotline"), chat = document.querySelector(".chat");
  if (hot) hot.addEventListener("click", () => { chat.hidden = !chat.hidden; });
}
