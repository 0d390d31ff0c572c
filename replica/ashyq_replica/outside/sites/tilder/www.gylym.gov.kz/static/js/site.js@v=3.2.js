// gylym.gov.kz: home page slider with a pause button
(function(){var s=document.querySelector('.slider');if(!s)return;var b=s.querySelector('.slider-pause'),t=setInterval(function(){s.classList.toggle('alt')},+s.dataset.autoplay||6000);
if(b)b.addEventListener('click',function(){clearInterval(t);b.setAttribute('aria-pressed','true')});})();
