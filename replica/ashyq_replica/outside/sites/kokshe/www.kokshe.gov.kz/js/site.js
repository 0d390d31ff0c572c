(function(){var m=document.querySelector('.menu'),b=m&&m.querySelector('.burger');if(!b)return;
b.addEventListener('click',function(){var o=m.classList.toggle('open');b.setAttribute('aria-expanded',o?'true':'false');});})();
