// Web components of the site: each element draws itself into an open shadow root from the page's JSON (#tr-data).
const DATA = JSON.parse(document.getElementById("tr-data").textContent);
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const ICONS = {
  doc: '<path d="M6 2h9l5 5v15H6z" fill="none" stroke="currentColor" stroke-width="2"/>',
  phone: '<path d="M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z" fill="currentColor"/>',
  people: '<circle cx="8" cy="8" r="3" fill="currentColor"/><circle cx="16" cy="8" r="3" fill="currentColor"/><path d="M2 20c0-4 4-6 6-6s6 2 6 6M10 20c0-4 4-6 6-6s6 2 6 6" fill="currentColor"/>',
  link: '<path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" fill="none" stroke="currentColor" stroke-width="2"/>',
  chart: '<path d="M4 20V10M10 20V4M16 20v-7M22 20H2" stroke="currentColor" stroke-width="2"/>',
  mail: '<path d="M2 5h20v14H2zM2 5l10 8 10-8" fill="none" stroke="currentColor" stroke-width="2"/>',
  star: '<path d="M12 2l3 7h7l-6 4 2 8-6-5-6 5 2-8-6-4h7z" fill="currentColor"/>',
};
const icon = (name) => `<svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">${ICONS[name] || ICONS.doc}</svg>`;
const BASE = `:host{display:block}a{color:#0b4f8a}a:focus,button:focus,input:focus{outline:3px solid #f59e0b;outline-offset:2px}
*{box-sizing:border-box}img,iframe{max-width:100%;height:auto}`;

class TrHeader extends HTMLElement {
  connectedCallback() {
    const s = DATA.site;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${BASE}
      .top{display:flex;flex-wrap:wrap;gap:16px;align-items:center;padding:12px 24px;background:#fff;border-bottom:4px solid #0b4f8a}
      .brand{display:flex;gap:12px;align-items:center;flex:1 1 420px;color:#111827;text-decoration:none}
      small{display:block;color:#374151}b{font-size:1.15rem;color:#0b3d6e}
      form{display:flex;gap:4px}input{padding:6px;border:1px solid #6b7280}button{padding:6px 10px;background:#0b4f8a;color:#fff;border:0}
      .tools{display:flex;gap:10px;align-items:center}::slotted(a){color:#0b4f8a;font-weight:600;text-decoration:none;padding:4px}
      nav{display:flex;flex-wrap:wrap;gap:4px 14px;padding:8px 24px;background:#0b3d6e}nav ::slotted(a){color:#fff}
      @media (max-width:720px){nav{flex-direction:column}.top{padding:8px}}</style>
      <div class="top"><a class="brand" href="${esc(s.home_path)}"><img src="/static/img/gerb.png" width="72" height="72" alt="${esc(s.emblem_alt)}">
      <span><small>${esc(s.label)}</small><b>${esc(s.name)}</b></span></a>
      <form action="${esc(s.search_path)}" method="get" role="search"><input type="search" name="q" maxlength="100" aria-label="${esc(s.search)}"><button>${esc(s.search)}</button></form>
      <div class="tools"><slot name="lang"></slot><button type="button" class="lv" aria-pressed="false">${esc(s.lowvision)}</button></div></div>
      <nav><slot name="nav"></slot></nav>`;
    const lv = root.querySelector(".lv");
    const apply = (on) => { document.documentElement.classList.toggle("low-vision", on); lv.setAttribute("aria-pressed", String(on)); };
    apply(localStorage.getItem("lowVision") === "1");
    lv.addEventListener("click", () => { const on = lv.getAttribute("aria-pressed") !== "true"; localStorage.setItem("lowVision", on ? "1" : "0"); apply(on); });
  }
}

function block(b) {
  const h = b.h ? `<h2>${esc(b.h)}</h2>` : "";
  switch (b.t) {
    case "text": return `<section>${h}${b.html || ""}</section>`;
    case "cards": return `<section>${h}<div class="cards">${b.items.map((c) => `<article class="card">${c.img ? `<img src="${esc(c.img)}" alt="${esc(c.alt)}" width="320" height="180">` : ""}
      ${c.date ? `<time>${esc(c.date)}</time>` : ""}<h3>${c.href ? `<a href="${esc(c.href)}">${esc(c.title)}</a>` : esc(c.title)}</h3>${c.text ? `<div>${c.text}</div>` : ""}</article>`).join("")}</div></section>`;
    case "tiles": return `<section>${h}<div class="tiles">${b.items.map((t) => t.click
      ? `<div class="tile" data-go="${esc(t.href)}" aria-label="${esc(t.label)}" title="${esc(t.label)}">${icon(t.icon)}</div>`
      : `<a class="tile" href="${esc(t.href)}" aria-label="${esc(t.label)}" title="${esc(t.label)}"${t.ext ? ' target="_blank" rel="noopener"' : ""}>${icon(t.icon)}</a>`).join("")}</div></section>`;
    case "table": return `<section class="${esc(b.cls || "")}">${h}<div class="scroll"><table>${b.caption ? `<caption>${esc(b.caption)}</caption>` : ""}<thead><tr>${b.head.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr></thead>
      <tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody></table></div></section>`;
    case "files": return `<section>${h}<ul class="files">${b.items.map((f) => `<li>${icon("doc")}<a href="${esc(f.href)}">${esc(f.title)}</a> <span class="meta">${esc(f.meta || "")}</span></li>`).join("")}</ul></section>`;
    case "carousel": return `<section class="carousel" aria-roledescription="carousel">${b.items.map((c, i) => `<div class="slide"${i ? " hidden" : ""}><a href="${esc(c.href)}"><img src="${esc(c.img)}" alt="${esc(c.alt)}" width="1200" height="380"><span>${esc(c.title)}</span></a></div>`).join("")}</section>`;
    case "banner": return `<section class="banner"><a href="${esc(b.href)}"><img src="${esc(b.img)}" alt="" width="1200" height="160"></a></section>`;
    case "poll": return `<section>${h}<form class="poll" data-action="${esc(b.action)}"><fieldset><legend>${esc(b.q)}</legend>${b.options.map((o, i) => `<label><input type="radio" name="answer" value="${i + 1}"> ${esc(o)}</label><br>`).join("")}</fieldset><button>${esc(b.send)}</button><p class="said" role="status"></p></form></section>`;
    default: return "";
  }
}

class TrPage extends HTMLElement {
  connectedCallback() {
    const p = DATA.page, s = DATA.site;
    const root = this.attachShadow({ mode: "open" });
    const crumbs = p.crumbs && p.crumbs.length ? `<nav class="bc" aria-label="breadcrumbs">${p.crumbs.map(([t, href]) => href ? `<a href="${esc(href)}">${esc(t)}</a>` : `<span>${esc(t)}</span>`).join(" / ")}</nav>` : "";
    root.innerHTML = `<style>${BASE}
      :host{max-width:1200px;margin:0 auto;padding:16px 24px;color:#1f2937;line-height:1.5}
      h1{color:#0b3d6e}.bc{font-size:.9rem;margin-bottom:8px}.stamp{color:#4b5563;font-size:.9rem}
      .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
      .card{border:1px solid #d1d5db;border-radius:8px;padding:12px;background:#fff}.card time{color:#4b5563;font-size:.85rem}
      .tiles{display:flex;flex-wrap:wrap;gap:12px}.tile{display:flex;width:88px;height:88px;align-items:center;justify-content:center;border-radius:12px;background:#e8f0f8;color:#0b4f8a;cursor:pointer}
      table{border-collapse:collapse;width:100%}th,td{border:1px solid #d1d5db;padding:6px;text-align:left;vertical-align:top}.scroll{overflow-x:auto}
      .files{list-style:none;padding:0}.files li{display:flex;gap:8px;align-items:center;margin:6px 0}.files svg{width:20px;height:20px}.meta{color:#4b5563}
      .carousel{position:relative;background:#0b3d6e}.slide a{display:block;color:#fff;text-decoration:none}.slide span{display:block;padding:10px;font-size:1.2rem}
      .act p{margin:0}.up{margin-top:24px}
      @media (max-width:480px){.no-phone{display:none}}</style>
      ${crumbs}<h1>${esc(p.title)}</h1>${(p.blocks || []).map(block).join("")}
      ${p.posted ? `<p class="stamp">${esc(s.posted)}: ${esc(p.posted)}</p>` : ""}<slot></slot><p class="up"><a href="#main">${esc(s.up)}</a></p>`;
    root.querySelectorAll(".tile[data-go]").forEach((t) => t.addEventListener("click", () => { location.href = t.dataset.go; }));
    root.querySelectorAll("a[href^='http']").forEach((a) => { if (!a.host.endsWith("tarazy.gov.kz")) a.target = "_blank"; });
    root.querySelectorAll(".carousel").forEach((c) => {
      const slides = [...c.querySelectorAll(".slide")];
      let i = 0;
      setInterval(() => { slides[i].hidden = true; i = (i + 1) % slides.length; slides[i].hidden = false; }, 5000);
    });
    root.querySelectorAll("form.poll").forEach((f) => f.addEventListener("submit", async (e) => {
      e.preventDefault();
      const answer = new FormData(f).get("answer");
      const r = await fetch(f.dataset.action, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answer }) });
      f.querySelector(".said").textContent = (await r.json()).message;
    }));
  }
}

class TrFooter extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${BASE}:host{background:#0b3d6e;color:#e5e7eb;padding:16px 24px;margin-top:32px}::slotted(p){margin:6px 0}
      ::slotted(p) {color:#e5e7eb}</style><slot></slot>`;
  }
}

class TrCookie extends HTMLElement {
  connectedCallback() {
    if (document.cookie.includes("cookie_ok=1")) return;
    const c = DATA.cookie;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${BASE}.veil{position:fixed;inset:0;background:rgba(17,24,39,.55);display:flex;align-items:flex-end;z-index:1000}
      .box{background:#0b3d6e;color:#fff;padding:20px 24px;width:100%}.box a{color:#fff}button{margin-left:12px;padding:8px 18px;background:#fff;color:#0b3d6e;border:0;font-weight:700}</style>
      <div class="veil"><div class="box" role="region" aria-label="cookie"><p>${esc(c.text)} <a href="${esc(c.href)}">${esc(c.more)}</a><button type="button">${esc(c.ok)}</button></p></div></div>`;
    root.querySelector("button").addEventListener("click", () => { document.cookie = "cookie_ok=1; path=/; max-age=31536000"; this.remove(); });
  }
}

customElements.define("tr-header", TrHeader);
customElements.define("tr-page", TrPage);
customElements.define("tr-footer", TrFooter);
customElements.define("tr-cookie", TrCookie);
