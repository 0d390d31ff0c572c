(function(){var q=document.getElementById('q'),box=document.getElementById('search-results'),idx=null;
if(!q)return;q.addEventListener('input',function(){var v=q.value.trim().toLowerCase();if(v.length<2){box.hidden=true;return}
var go=function(){var lang=document.documentElement.lang,hits=idx.docs.filter(function(d){return d.location.indexOf(lang+'/')===0&&(d.title+' '+d.text).toLowerCase().indexOf(v)>=0}).slice(0,10);
box.innerHTML=hits.length?hits.map(function(d){return '<a href="/'+d.location+'">'+d.title+'</a>'}).join(''):'<p>—</p>';box.hidden=false};
if(idx)go();else fetch('/search/search_index.json').then(function(r){return r.json()}).then(function(j){idx=j;go()})});})();