/* oyil.gov.kz dashboard widgets v2.4.1: charts from data- attributes or a JSON block, table toggles, counters, menu */
(function () {
  "use strict";
  var PALETTE = ["#0b5cad", "#f5a623", "#2bb673", "#e5484d", "#7b61ff", "#00a3bf", "#9aa5b1"];

  function readChart(canvas) {
    if (canvas.dataset.source) {
      var node = document.querySelector(canvas.dataset.source);
      return node ? JSON.parse(node.textContent) : null;
    }
    return {
      type: canvas.dataset.type || "bar",
      unit: canvas.dataset.unit || "",
      labels: JSON.parse(canvas.dataset.labels || "[]"),
      series: [{ name: canvas.dataset.unit || "", values: JSON.parse(canvas.dataset.values || "[]") }]
    };
  }

  function drawBar(ctx, w, h, d, progress) {
    var max = 0;
    d.series.forEach(function (s) { s.values.forEach(function (v) { if (v > max) max = v; }); });
    var groupW = (w - 40) / d.labels.length, barW = groupW / (d.series.length + 1);
    d.series.forEach(function (s, si) {
      ctx.fillStyle = PALETTE[si % PALETTE.length];
      s.values.forEach(function (v, i) {
        var bh = (h - 50) * (v / max) * progress;
        ctx.fillRect(30 + i * groupW + si * barW + barW / 2, h - 30 - bh, barW * 0.9, bh);
      });
    });
  }

  function drawLine(ctx, w, h, d, progress) {
    var max = 0;
    d.series.forEach(function (s) { s.values.forEach(function (v) { if (v > max) max = v; }); });
    d.series.forEach(function (s, si) {
      ctx.strokeStyle = PALETTE[si % PALETTE.length]; ctx.lineWidth = 3; ctx.beginPath();
      s.values.forEach(function (v, i) {
        var x = 30 + i * ((w - 60) / Math.max(1, s.values.length - 1)), y = h - 30 - (h - 50) * (v / max) * progress;
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      ctx.stroke();
    });
  }

  function drawDoughnut(ctx, w, h, d, progress) {
    var vals = d.series[0].values, total = vals.reduce(function (a, b) { return a + b; }, 0), start = -Math.PI / 2;
    vals.forEach(function (v, i) {
      var ang = (v / total) * Math.PI * 2 * progress;
      ctx.beginPath(); ctx.fillStyle = PALETTE[i % PALETTE.length];
      ctx.moveTo(w / 2, h / 2); ctx.arc(w / 2, h / 2, Math.min(w, h) / 2 - 10, start, start + ang); ctx.fill();
      start += ang;
    });
    ctx.beginPath(); ctx.fillStyle = "#fff"; ctx.arc(w / 2, h / 2, Math.min(w, h) / 4, 0, Math.PI * 2); ctx.fill();
  }

  function render(canvas) {
    var d = readChart(canvas);
    if (!d) return;
    var ctx = canvas.getContext("2d"), w = canvas.width, h = canvas.height, t0 = null;
    var draw = d.type === "line" ? drawLine : d.type === "doughnut" ? drawDoughnut : drawBar;
    function frame(ts) {
      if (!t0) t0 = ts;
      var p = Math.min(1, (ts - t0) / 600);
      ctx.clearRect(0, 0, w, h);
      draw(ctx, w, h, d, p);
      if (p < 1) window.requestAnimationFrame(frame);
    }
    window.requestAnimationFrame(frame);
  }

  function countUp(el) {
    var text = el.textContent, target = parseFloat(text.replace(/\s/g, "").replace(",", "."));
    if (isNaN(target)) return;
    var t0 = null;
    function step(ts) {
      if (!t0) t0 = ts;
      var p = Math.min(1, (ts - t0) / 900);
      el.textContent = p < 1 ? Math.round(target * p).toLocaleString("ru-RU") : text;
      if (p < 1) window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-source], canvas[data-values]"), render);
    Array.prototype.forEach.call(document.querySelectorAll(".kpi-num"), countUp);
    Array.prototype.forEach.call(document.querySelectorAll(".tbl-toggle"), function (btn) {
      btn.addEventListener("click", function () {
        var box = document.getElementById(btn.getAttribute("aria-controls"));
        var open = btn.getAttribute("aria-expanded") === "true";
        btn.setAttribute("aria-expanded", String(!open));
        box.hidden = open;
      });
    });
    var burger = document.querySelector(".burger"), nav = document.getElementById("mainnav");
    if (burger && nav) burger.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      burger.setAttribute("aria-expanded", String(open));
    });
    Array.prototype.forEach.call(document.querySelectorAll(".cal-prev, .cal-next"), function (b) {
      b.addEventListener("click", function () { /* months are loaded by the CMS calendar widget; only the current one is published */ });
    });
  });
})();
