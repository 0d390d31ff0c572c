(function(){var css=document.createElement('style');css.textContent='.a11y-fab{position:fixed;right:16px;bottom:16px;width:56px;height:56px;border-radius:50%;background:#1565c0;cursor:pointer;z-index:9000;display:flex;align-items:center;justify-content:center}'+
'.a11y-panel{position:fixed;right:16px;bottom:84px;width:280px;background:#fff;border:1px solid #1565c0;padding:12px;z-index:9001;display:none;color:#222}.a11y-panel.open{display:block}'+
'.a11y-panel .opt{display:block;padding:6px;border-bottom:1px solid #eee;cursor:pointer}.a11y-big{font-size:20px!important}.a11y-contrast,.a11y-contrast body{background:#000!important;color:#ff0!important}';
document.head.appendChild(css);var kk=document.documentElement.lang==='kk';
var fab=document.createElement('div');fab.className='a11y-fab';fab.innerHTML='<img src="/img/a11y-icon.png" width="32" height="32" alt="'+(kk?'Арнайы мүмкіндіктер':'Специальные возможности')+'">';
var panel=document.createElement('div');panel.className='a11y-panel';
var opts=kk?['Қаріпті үлкейту','Жоғары контраст','Суреттерсіз','Дауыстап оқу','Қалпына келтіру']:['Увеличить шрифт','Высокий контраст','Без изображений','Озвучить текст','Сбросить'];
panel.innerHTML='<b>'+(kk?'Нашар көретіндерге арналған нұсқа':'Версия для слабовидящих')+'</b>'+opts.map(function(o,i){return '<span class="opt" data-i="'+i+'">'+o+'</span>';}).join('');
fab.onclick=function(){panel.classList.toggle('open');};
panel.onclick=function(e){var i=e.target.dataset.i;if(i==='0'){document.body.classList.toggle('a11y-big');}if(i==='1'){document.documentElement.classList.toggle('a11y-contrast');}
if(i==='2'){document.querySelectorAll('img').forEach(function(m){m.style.visibility=m.style.visibility?'':'hidden';});}if(i==='4'){document.body.className='';document.documentElement.className='';}};
document.body.appendChild(fab);document.body.appendChild(panel);})();