(function(){
  var lang=new URLSearchParams(location.search).get('lang');
  if(lang!=='kk')return;
  document.documentElement.lang='kk';
  var x=new XMLHttpRequest();x.open('GET','/local/templates/main/i18n/kk.json',false);x.send(null);
  if(x.status!==200)return;var d=JSON.parse(x.responseText);
  function apply(){
    var els=document.querySelectorAll('[data-i18n]');
    for(var i=0;i<els.length;i++){var k=els[i].getAttribute('data-i18n');if(d[k])els[i].textContent=d[k];}
    var t=document.querySelector('meta[name="i18n-title"]');
    if(t&&d['title.'+t.content])document.title=d['title.'+t.content]+' — '+d['site.short'];
  }
  if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',apply);else apply();
})();
