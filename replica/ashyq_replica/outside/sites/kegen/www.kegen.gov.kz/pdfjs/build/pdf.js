/* pdf.js — a build of the Mozilla PDF.js library trimmed for the site (v2.16.105) */
(function (root) {
  "use strict";
  function MissingPDFException(msg) { this.name = "MissingPDFException"; this.message = msg; }
  function InvalidPDFException(msg) { this.name = "InvalidPDFException"; this.message = msg; }
  function unescapeString(s) {
    return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, function (m, c) {
      var map = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };
      return map[c] !== undefined ? map[c] : String.fromCharCode(parseInt(c, 8));
    });
  }
  function parse(bytes) {
    var text = "";
    var view = new Uint8Array(bytes);
    for (var i = 0; i < view.length; i++) text += String.fromCharCode(view[i]);
    if (text.slice(0, 5) !== "%PDF-") throw new InvalidPDFException("Invalid PDF structure.");
    var pages = [];
    var pageRe = /\/Type\s*\/Page\b[^s][\s\S]*?\/Contents\s+(\d+)\s+0\s+R([\s\S]*?)endobj/g, m;
    while ((m = pageRe.exec(text))) {
      var objRe = new RegExp("(?:^|\\n)" + m[1] + "\\s+0\\s+obj[\\s\\S]*?stream\\r?\\n([\\s\\S]*?)endstream");
      var content = (objRe.exec(text) || [null, ""])[1];
      var items = [], t, tj = /\(((?:\\.|[^\\)])*)\)\s*Tj/g;
      while ((t = tj.exec(content))) items.push(unescapeString(t[1]));
      pages.push({ items: items, image: /\/XObject/.test(m[2]) || /\sDo\b/.test(content) });
    }
    if (!pages.length) throw new InvalidPDFException("Invalid PDF structure.");
    return {
      numPages: pages.length,
      getPage: function (n) {
        var p = pages[n - 1];
        return Promise.resolve({
          pageNumber: n,
          getViewport: function (o) { var s = (o && o.scale) || 1; return { width: 595 * s, height: 842 * s, scale: s }; },
          getTextContent: function () { return Promise.resolve({ items: p.items.map(function (s) { return { str: s }; }) }); },
          isImageOnly: p.image && !p.items.length
        });
      }
    };
  }
  function getDocument(src) {
    var url = typeof src === "string" ? src : src.url;
    var task = {};
    task.promise = fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (r.status === 404 || r.status === 0) throw new MissingPDFException('Missing PDF "' + new URL(url, location.href).href + '".');
      if (!r.ok) throw new Error("Unexpected server response (" + r.status + ") while retrieving PDF.");
      return r.arrayBuffer();
    }).then(parse);
    return task;
  }
  root.pdfjsLib = { version: "2.16.105", build: "172ccdbe5", getDocument: getDocument,
    MissingPDFException: MissingPDFException, InvalidPDFException: InvalidPDFException };
})(window);
