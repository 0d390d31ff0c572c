(function(){var nav=document.getElementById('nav');if(!nav)return;
fetch(nav.getAttribute('data-menu')).then(function(r){return r.json();}).then(function(items){
items.forEach(function(it){var d=document.createElement('div');d.className='nav-item';d.textContent=it.title;
d.onclick=function(){location.href=it.url;};nav.appendChild(d);});});})();
