/* e-Akimat 4.2 */
(function(){
 document.addEventListener('DOMContentLoaded',function(){
  var b=document.querySelector('.nav-toggle'),n=document.getElementById('main-nav');
  if(b&&n){b.addEventListener('click',function(){var o=n.classList.toggle('is-open');b.setAttribute('aria-expanded',o?'true':'false');});}
 });
 // widgets report their height; the frame grows to fit
 window.addEventListener('message',function(e){
  if(!e.data||e.data.eakimat!=='height')return;
  var f=document.querySelectorAll('iframe[data-autoheight]');
  for(var i=0;i<f.length;i++){if(f[i].contentWindow===e.source){f[i].style.height=(e.data.h+20)+'px';}}
 });
})();
