(function(){var c=document.getElementById('main-carousel');if(!c)return;var items=c.querySelectorAll('.carousel-item'),i=0;
setInterval(function(){items[i].classList.remove('active');i=(i+1)%items.length;items[i].classList.add('active');},parseInt(c.getAttribute('data-interval'),10)||5000);})();
