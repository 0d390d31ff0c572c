// client-side search over the language's index.json (title, permalink, content)
(function(){var box=document.getElementById('search-results');if(!box)return;var q=new URLSearchParams(location.search).get('q')||'';
var input=document.getElementById('search-query');if(input)input.value=q;if(!q.trim())return;
fetch(box.getAttribute('data-index')).then(function(r){return r.json()}).then(function(pages){var n=q.toLowerCase();
var found=pages.filter(function(p){return (p.title+' '+p.content).toLowerCase().indexOf(n)>=0});
box.innerHTML='<p>'+found.length+'</p><ol>'+found.map(function(p){return '<li><a href="'+p.permalink+'">'+p.title.replace(/</g,'&lt;')+'</a></li>'}).join('')+'</ol>';});})();
