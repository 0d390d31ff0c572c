document.querySelectorAll('.menu__toggle').forEach(function(b){b.addEventListener('click',function(){var o=b.getAttribute('aria-expanded')==='true';b.setAttribute('aria-expanded',String(!o));b.nextElementSibling.style.display=o?'':'block';});});
document.querySelectorAll('.acc__btn').forEach(function(b){b.addEventListener('click',function(){var p=document.getElementById(b.getAttribute('aria-controls'));var o=b.getAttribute('aria-expanded')==='true';b.setAttribute('aria-expanded',String(!o));p.hidden=o;});});
(function(){var c=document.querySelector('.carousel');if(!c)return;var t=c.querySelector('.carousel__track'),i=0,n=t.children.length,p=c.querySelector('.carousel__pause');
function go(){i=(i+1)%n;t.style.transform='translateX('+(-100*i)+'%)';}var timer=setInterval(go,5000);
p.addEventListener('click',function(){if(timer){clearInterval(timer);timer=null;p.setAttribute('aria-pressed','true');}else{timer=setInterval(go,5000);p.setAttribute('aria-pressed','false');}});})();
