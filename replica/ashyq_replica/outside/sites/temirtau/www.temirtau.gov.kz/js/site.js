/* site.js: dropdowns, language select, data tables, collapses, modal, carousel */
(function () {
  "use strict";
  var kz = document.documentElement.lang === "kk";
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  // Bootstrap dropdowns in the navbar: open on click
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest(".dropdown-toggle") : null;
    var open = all(".navbar-nav .dropdown.open");
    if (t) {
      e.preventDefault();
      var li = t.parentNode, was = li.classList.contains("open");
      open.forEach(function (d) { d.classList.remove("open"); d.firstElementChild.setAttribute("aria-expanded", "false"); });
      if (!was) { li.classList.add("open"); t.setAttribute("aria-expanded", "true"); }
      return;
    }
    if (!(e.target.closest && e.target.closest(".dropdown"))) open.forEach(function (d) { d.classList.remove("open"); });
    var c = e.target.closest ? e.target.closest('[data-toggle="collapse"]') : null;
    if (c) {
      if (c.tagName === "A") e.preventDefault();
      var target = document.querySelector(c.getAttribute("data-target") || c.getAttribute("href"));
      var parent = c.getAttribute("data-parent");
      if (parent) all(parent + " .panel-collapse.in").forEach(function (p) { if (p !== target) p.classList.remove("in"); });
      target.classList.toggle("in"); c.setAttribute("aria-expanded", target.classList.contains("in"));
    }
    var m = e.target.closest ? e.target.closest('[data-toggle="modal"]') : null;
    if (m) {
      var modal = document.querySelector(m.getAttribute("data-target"));
      modal.classList.add("in"); modal.style.display = "block"; modal.removeAttribute("aria-hidden");
      var back = document.createElement("div"); back.className = "modal-backdrop fade in"; document.body.appendChild(back);
      var first = modal.querySelector("input[type=text]"); if (first) first.focus();
    }
    var d = e.target.closest ? e.target.closest('[data-dismiss="modal"]') : null;
    if (d) {
      var md = d.closest(".modal"); md.classList.remove("in"); md.style.display = "none"; md.setAttribute("aria-hidden", "true");
      all(".modal-backdrop").forEach(function (b) { b.parentNode.removeChild(b); });
    }
  });
  // Select2-like language select: turned into links
  all(".select2-lang").forEach(function (sel) {
    var ul = document.createElement("ul"); ul.className = "select2-links";
    Array.prototype.forEach.call(sel.options, function (o) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = o.value; a.textContent = o.textContent; if (o.selected) a.className = "current";
      li.appendChild(a); ul.appendChild(li);
    });
    sel.style.display = "none"; sel.parentNode.insertBefore(ul, sel.nextSibling);
  });
  // carousel: turns by itself every five seconds
  all(".carousel[data-ride=carousel]").forEach(function (c) {
    var items = all(".item", c), i = 0;
    function show(n) { items[i].classList.remove("active"); i = (n + items.length) % items.length; items[i].classList.add("active"); }
    setInterval(function () { show(i + 1); }, parseInt(c.getAttribute("data-interval"), 10) || 5000);
    all("[data-slide]", c).forEach(function (a) { a.addEventListener("click", function (e) { e.preventDefault(); show(i + (a.getAttribute("data-slide") === "next" ? 1 : -1)); }); });
  });
  // data tables: ten rows a page, a filter box and the script's own page buttons
  all("table.data-table").forEach(function (table) {
    var wrap = table.closest(".dataTables_wrapper"), size = parseInt(table.getAttribute("data-page-length"), 10) || 10;
    var rows = all("tbody tr", table), shown = rows, page = 0;
    var info = wrap.querySelector(".dataTables_info"), pager = wrap.querySelector(".dataTables_paginate");
    function button(text, cls, go) {
      var b = document.createElement("span"); b.className = "paginate_button " + cls; b.textContent = text;
      b.addEventListener("click", go); pager.appendChild(b);
    }
    function draw() {
      var pages = Math.max(1, Math.ceil(shown.length / size));
      if (page >= pages) page = pages - 1;
      rows.forEach(function (r) { r.style.display = "none"; });
      shown.slice(page * size, page * size + size).forEach(function (r) { r.style.display = ""; });
      var from = shown.length ? page * size + 1 : 0, to = Math.min(shown.length, page * size + size);
      info.textContent = kz ? shown.length + " жазбаның " + from + "–" + to + " аралығы көрсетілген" : "Записи с " + from + " до " + to + " из " + shown.length + " записей";
      pager.innerHTML = "";
      if (pages < 2) return;
      button(kz ? "Алдыңғы" : "Предыдущая", "previous" + (page === 0 ? " disabled" : ""), function () { if (page > 0) { page--; draw(); } });
      for (var p = 0; p < pages; p++) (function (p) { button(String(p + 1), p === page ? "current" : "", function () { page = p; draw(); }); })(p);
      button(kz ? "Келесі" : "Следующая", "next" + (page === pages - 1 ? " disabled" : ""), function () { if (page < pages - 1) { page++; draw(); } });
    }
    wrap.querySelector(".dataTables_filter input").addEventListener("input", function () {
      var q = this.value.toLowerCase();
      shown = rows.filter(function (r) { return r.textContent.toLowerCase().indexOf(q) !== -1; }); page = 0; draw();
    });
    draw();
  });
  var top = document.getElementById("to-top");
  if (top) top.addEventListener("click", function (e) { e.preventDefault(); window.scrollTo(0, 0); });
})();
