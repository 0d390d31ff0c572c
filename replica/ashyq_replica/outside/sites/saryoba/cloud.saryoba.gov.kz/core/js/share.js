/* public share: draws the folder's file list from the share's JSON */
(function () {
  var body = document.body, token = body.getAttribute('data-token'), lang = body.getAttribute('data-lang') || 'ru';
  var list = document.getElementById('fileList');
  function size(b) {
    var u = lang === 'kk' ? ['Б', 'КБ', 'МБ'] : ['Б', 'КБ', 'МБ'], i = 0;
    while (b >= 1024 && i < 2) { b /= 1024; i++; }
    return (i ? b.toFixed(1).replace('.', ',') : b) + ' ' + u[i];
  }
  function date(s) {
    var d = new Date(s);
    return d.toLocaleDateString(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }) +
      ' ' + s.substr(11, 5);
  }
  fetch('/index.php/s/' + token + '/filelist?path=' + encodeURIComponent('/'))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      list.innerHTML = '';
      data.files.forEach(function (f) {
        var tr = document.createElement('tr'), td = document.createElement('td'), a = document.createElement('a');
        a.href = '/s/' + token + '/download/' + encodeURIComponent(f.name);
        a.textContent = f.name;
        a.setAttribute('download', f.name);
        td.className = 'filename'; td.appendChild(a); tr.appendChild(td);
        var s = document.createElement('td'); s.className = 'filesize'; s.textContent = size(f.size); tr.appendChild(s);
        var m = document.createElement('td'); m.className = 'date'; m.textContent = date(f.mtime); tr.appendChild(m);
        list.appendChild(tr);
      });
    });
})();
