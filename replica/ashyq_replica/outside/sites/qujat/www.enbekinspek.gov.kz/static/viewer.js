/* Document viewer: draws the PDF named by ?file= into the canvas (a trimmed pdf.js-like build). */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var file = params.get('file');
  var canvas = document.getElementById('pageCanvas');
  var ctx = canvas.getContext('2d');
  var scale = 1, pages = [], current = 0;

  function $(id) { return document.getElementById(id); }
  function fail(text) {
    $('errorWrapper').hidden = false;
    $('errorMessage').textContent = text;
    $('loadingBar').style.display = 'none';
  }
  // the text-showing operators of each page's content stream: (string) Tj
  function readPages(bytes) {
    var src = new TextDecoder('latin1').decode(bytes);
    var streams = src.split('stream').slice(1);
    var out = [];
    streams.forEach(function (s) {
      var body = s.split('endstream')[0];
      var texts = [], m, re = /\(((?:\\.|[^\\)])*)\)\s*Tj/g;
      while ((m = re.exec(body))) texts.push(m[1].replace(/\\(.)/g, '$1'));
      if (/\bDo\b/.test(body)) out.push({ image: true, lines: [] });
      else if (texts.length) out.push({ image: false, lines: texts });
    });
    return out.length ? out : [{ image: false, lines: [] }];
  }
  function draw() {
    var page = pages[current];
    canvas.width = 595 * scale; canvas.height = 842 * scale;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 595, 842);
    if (page.image) {
      ctx.fillStyle = '#ebebeb'; ctx.fillRect(0, 0, 595, 842);
      ctx.fillStyle = '#3c3c3c';
      for (var y = 80; y < 780; y += 42) ctx.fillRect(70, y, 455, 6);
    } else {
      ctx.fillStyle = '#000'; ctx.font = '12px Helvetica, Arial, sans-serif';
      page.lines.forEach(function (line, i) { ctx.fillText(line, 72, 72 + 14 * i); });
    }
    $('pageNumber').textContent = current + 1;
    $('numPages').textContent = pages.length;
    $('scaleValue').textContent = Math.round(scale * 100) + '%';
  }
  if (!file) { fail('Файл көрсетілмеген / Файл не указан'); return; }
  $('loadingBar').firstElementChild.style.width = '60%';
  fetch(file).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.arrayBuffer();
  }).then(function (buf) {
    var bytes = new Uint8Array(buf);
    if (String.fromCharCode.apply(null, bytes.slice(0, 5)) !== '%PDF-') throw new Error('format');
    pages = readPages(bytes);
    $('loadingBar').style.display = 'none';
    draw();
  }).catch(function (e) {
    fail('Құжатты жүктеу кезінде қате орын алды / Ошибка при загрузке документа (' + e.message + ')');
  });
  $('previous').onclick = function () { if (current > 0) { current--; draw(); } };
  $('next').onclick = function () { if (current < pages.length - 1) { current++; draw(); } };
  $('zoomIn').onclick = function () { scale = Math.min(scale + 0.25, 3); draw(); };
  $('zoomOut').onclick = function () { scale = Math.max(scale - 0.25, 0.5); draw(); };
  $('print').onclick = function () { window.print(); };
  $('download').onclick = function () { if (file) location.href = file; };
})();
