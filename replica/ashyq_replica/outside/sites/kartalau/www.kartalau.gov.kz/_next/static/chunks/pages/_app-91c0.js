/* the list's 'show more' and the tabs answer a click only */
function loadMore(el){var url=el.getAttribute('data-endpoint');if(!url)return;fetch(url).then(function(r){return r.json()}).then(function(d){var list=document.getElementById('news-list');
d.items.forEach(function(it){var a=document.createElement('article');a.className='card';a.innerHTML='<time>'+it.date+'</time><h2><a href="'+it.url+'">'+it.title+'</a></h2>';list.appendChild(a);});
if(d.next){el.setAttribute('data-endpoint',d.next);}else{el.remove();}});}
function showTab(n){document.querySelectorAll('.pane').forEach(function(p){p.hidden=p.id!=='pane-'+n});document.querySelectorAll('.tab').forEach(function(t,i){t.classList.toggle('active',i===n-1)});}
