(function(){
  var kk = document.documentElement.lang === 'kk';
  var L = kk ? {prev:'Алдыңғы', next:'Келесі', filter:'Іздеу:', empty:'Деректер жоқ', info:'Барлығы: '} : {prev:'Предыдущая', next:'Следующая', filter:'Поиск:', empty:'Нет данных', info:'Всего: '};
  function esc(s){return String(s==null?'':s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
  document.querySelectorAll('table[data-source]').forEach(function(table){
    var fields = Array.prototype.map.call(table.querySelectorAll('thead th'), function(th){return th.getAttribute('data-field');});
    var body = table.querySelector('tbody'), rows = [], shown = [], page = 0, size = 10;
    var box = document.createElement('div'); box.className = 'dt-filter';
    box.innerHTML = '<label>' + L.filter + ' <input type="search" class="form-control input-sm"></label>';
    table.parentNode.insertBefore(box, table);
    var pager = document.createElement('ul'); pager.className = 'pagination';
    table.parentNode.insertBefore(pager, table.nextSibling);
    function cell(row, f){
      if (f === 'file') return row.file ? '<a href="' + esc(row.file) + '">' + esc(row.file_label) + '</a>' : '';
      return esc(row[f]);
    }
    function draw(){
      var part = shown.slice(page*size, page*size+size);
      body.innerHTML = part.length ? part.map(function(r){return '<tr>' + fields.map(function(f){return '<td>' + cell(r,f) + '</td>';}).join('') + '</tr>';}).join('') : '<tr><td colspan="' + fields.length + '">' + L.empty + '</td></tr>';
      var pages = Math.max(1, Math.ceil(shown.length/size)), html = '<li' + (page===0?' class="disabled"':'') + '><a href="#" data-p="' + (page-1) + '">' + L.prev + '</a></li>';
      for (var i=0;i<pages;i++) html += '<li' + (i===page?' class="active"':'') + '><a href="#" data-p="' + i + '">' + (i+1) + '</a></li>';
      html += '<li' + (page>=pages-1?' class="disabled"':'') + '><a href="#" data-p="' + (page+1) + '">' + L.next + '</a></li>';
      pager.innerHTML = html;
    }
    pager.addEventListener('click', function(e){
      var a = e.target.closest('a'); if (!a) return; e.preventDefault();
      var p = +a.getAttribute('data-p'); if (p >= 0 && p < Math.ceil(shown.length/size)) { page = p; draw(); }
    });
    box.querySelector('input').addEventListener('input', function(){
      var q = this.value.toLowerCase(); page = 0;
      shown = rows.filter(function(r){return fields.some(function(f){return String(f==='file'?r.file_label:r[f]||'').toLowerCase().indexOf(q) >= 0;});});
      draw();
    });
    fetch(table.getAttribute('data-source')).then(function(r){return r.json();}).then(function(data){rows = shown = data; draw();});
  });
})();
