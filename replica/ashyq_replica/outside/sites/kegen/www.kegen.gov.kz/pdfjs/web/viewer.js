/* PDF.js viewer application (trimmed): opens the file named in ?file= and draws its pages */
(function () {
  "use strict";
  var L10N = {
    ru: { of: "из {n}", missing: "Файл PDF отсутствует или повреждён.", invalid: "Некорректный или повреждённый файл PDF.", error: "При загрузке PDF-файла произошла ошибка." },
    kk: { of: "/ {n}", missing: "PDF файлы жоқ немесе зақымдалған.", invalid: "PDF файлы жарамсыз немесе зақымдалған.", error: "PDF файлын жүктеу кезінде қате орын алды." },
    en: { of: "of {n}", missing: "Missing PDF file.", invalid: "Invalid or corrupted PDF file.", error: "An error occurred while loading the PDF." }
  };
  var lang = (navigator.language || "en").slice(0, 2);
  var t = L10N[lang] || L10N.en;
  var scale = 1, doc = null, fileUrl = null;

  function $(id) { return document.getElementById(id); }

  function drawPage(page, container) {
    var vp = page.getViewport({ scale: scale });
    var div = document.createElement("div");
    div.className = "page";
    div.setAttribute("data-page-number", page.pageNumber);
    div.style.width = vp.width + "px";
    div.style.height = vp.height + "px";
    var canvas = document.createElement("canvas");
    canvas.width = vp.width; canvas.height = vp.height;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, vp.width, vp.height);
    div.appendChild(canvas);
    container.appendChild(div);
    if (page.isImageOnly) {
      ctx.fillStyle = "#ebebeb"; ctx.fillRect(0, 0, vp.width, vp.height);
      ctx.fillStyle = "#3c3c3c";
      for (var y = 60 * scale; y < vp.height - 60 * scale; y += 18 * scale) ctx.fillRect(50 * scale, y, vp.width - 100 * scale, 3 * scale);
      return Promise.resolve();
    }
    return page.getTextContent().then(function (tc) {
      var layer = document.createElement("div");
      layer.className = "textLayer";
      ctx.fillStyle = "#000"; ctx.font = (12 * scale) + "px Helvetica, Arial, sans-serif";
      tc.items.forEach(function (it, i) {
        var x = 72 * scale, y = (72 + i * 14) * scale;
        ctx.fillText(it.str, x, y);
        var span = document.createElement("span");
        span.textContent = it.str;
        span.style.left = x + "px"; span.style.top = (y - 11 * scale) + "px"; span.style.fontSize = (12 * scale) + "px";
        layer.appendChild(span);
      });
      div.appendChild(layer);
    });
  }

  function render() {
    var viewer = $("viewer");
    viewer.innerHTML = "";
    var chain = Promise.resolve();
    for (var n = 1; n <= doc.numPages; n++) {
      (function (n) { chain = chain.then(function () { return doc.getPage(n); }).then(function (p) { return drawPage(p, viewer); }); })(n);
    }
    return chain;
  }

  function showError(message, moreInfo) {
    $("errorWrapper").hidden = false;
    $("errorMessage").textContent = message;
    $("errorMoreInfo").value = "PDF.js v" + pdfjsLib.version + " (build: " + pdfjsLib.build + ")\nMessage: " + moreInfo;
    $("loadingBar").classList.add("hidden");
    document.title = "PDF.js viewer";
  }

  function open(url) {
    fileUrl = url;
    document.title = decodeURIComponent(url.split("/").pop());
    $("loadingBar").querySelector(".progress").style.width = "40%";
    pdfjsLib.getDocument(url).promise.then(function (d) {
      doc = d;
      $("numPages").textContent = t.of.replace("{n}", d.numPages);
      $("pageNumber").max = d.numPages;
      $("loadingBar").classList.add("hidden");
      return render();
    }).catch(function (e) {
      var msg = e && e.name === "MissingPDFException" ? t.missing : e && e.name === "InvalidPDFException" ? t.invalid : t.error;
      showError(msg, e && e.message);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var params = new URLSearchParams(location.search);
    var file = params.has("file") ? params.get("file") : "compressed.tracemonkey-pldi-09.pdf";
    $("zoomIn").addEventListener("click", function () { if (doc) { scale = Math.min(scale + 0.25, 3); render(); } });
    $("zoomOut").addEventListener("click", function () { if (doc) { scale = Math.max(scale - 0.25, 0.5); render(); } });
    $("scaleSelect").addEventListener("change", function (e) { var v = parseFloat(e.target.value); scale = isNaN(v) ? 1 : v; if (doc) render(); });
    $("print").addEventListener("click", function () { window.print(); });
    $("download").addEventListener("click", function () {
      if (!fileUrl) return;
      var a = document.createElement("a");
      a.href = fileUrl; a.download = decodeURIComponent(fileUrl.split("/").pop());
      document.body.appendChild(a); a.click(); a.remove();
    });
    $("next").addEventListener("click", function () { go(+$("pageNumber").value + 1); });
    $("previous").addEventListener("click", function () { go(+$("pageNumber").value - 1); });
    $("pageNumber").addEventListener("change", function (e) { go(+e.target.value); });
    $("errorShowMore").addEventListener("click", function () { $("errorMoreInfo").hidden = false; this.hidden = true; $("errorShowLess").hidden = false; });
    $("errorShowLess").addEventListener("click", function () { $("errorMoreInfo").hidden = true; this.hidden = true; $("errorShowMore").hidden = false; });
    $("errorClose").addEventListener("click", function () { $("errorWrapper").hidden = true; });
    open(file);
  });

  function go(n) {
    if (!doc || n < 1 || n > doc.numPages) return;
    $("pageNumber").value = n;
    var el = document.querySelector('.page[data-page-number="' + n + '"]');
    if (el) el.scrollIntoView();
  }
})();
