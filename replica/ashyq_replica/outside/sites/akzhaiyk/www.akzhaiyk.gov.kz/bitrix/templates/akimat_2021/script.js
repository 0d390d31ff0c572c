(function(){var s=document.querySelectorAll('.carousel .slide');if(!s.length)return;var i=0;
setInterval(function(){s[i].classList.remove('active');i=(i+1)%s.length;s[i].classList.add('active');},4000);})();
