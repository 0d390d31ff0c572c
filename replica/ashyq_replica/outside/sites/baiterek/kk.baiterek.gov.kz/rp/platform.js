(function(){
function cookie(n){var m=document.cookie.match('(?:^|; )'+n+'=([^;]*)');return m?m[1]:null;}
function setLang(l){document.cookie='lang='+l+'; domain=.baiterek.gov.kz; path=/; max-age=31536000';}
document.querySelectorAll('a[data-lang]').forEach(function(a){a.addEventListener('click',function(){setLang(a.dataset.lang);});});
if(!cookie('lang')){var d=document.createElement('div');d.className='rp-lang-dlg';d.setAttribute('role','dialog');d.setAttribute('aria-modal','true');
d.innerHTML='<div class="rp-lang-box" tabindex="-1"><p>Тілді таңдаңыз / Выберите язык</p><div class="opt" data-l="kk">Қазақша</div><div class="opt" data-l="ru">Русский</div></div>';
document.body.appendChild(d);var box=d.firstChild;box.focus();
d.addEventListener('keydown',function(e){if(e.key==='Tab'){e.preventDefault();box.focus();}});
d.querySelectorAll('.opt').forEach(function(o){o.addEventListener('click',function(){setLang(o.dataset.l);var here=document.documentElement.lang==='kk'?'kk':'ru';
if(o.dataset.l!==here){location.href='https://'+o.dataset.l+'.baiterek.gov.kz'+location.pathname;}else{d.remove();}});});}
var s=document.querySelectorAll('.rp-slide'),i=0,t=null,b=document.getElementById('slider-pause');
function run(){t=setInterval(function(){s[i].classList.remove('on');i=(i+1)%s.length;s[i].classList.add('on');},5000);}
if(s.length){run();b.addEventListener('click',function(){if(t){clearInterval(t);t=null;b.textContent=b.dataset.play;}else{run();b.textContent=b.dataset.pause;}});}
var feed=document.getElementById('feed');if(feed){var next=feed.dataset.src,busy=false;
function more(){if(!next||busy)return;busy=true;fetch(next).then(function(r){return r.json();}).then(function(p){p.items.forEach(function(n){var li=document.createElement('li');
li.innerHTML='<time>'+n.date+'</time> <a href="'+n.url+'">'+n.title+'</a>';feed.appendChild(li);});next=p.next;busy=false;
if(!next){document.getElementById('feed-end').hidden=false;}});}
more();window.addEventListener('scroll',function(){if(window.innerHeight+window.scrollY>=document.body.offsetHeight-300){more();}});}
})();