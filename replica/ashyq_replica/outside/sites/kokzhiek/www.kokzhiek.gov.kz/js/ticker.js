(function(){var b=document.getElementById('ticker-toggle');if(!b)return;var t=b.parentNode;
b.addEventListener('click',function(){var p=t.classList.toggle('paused');b.setAttribute('aria-pressed',p?'true':'false');});})();
