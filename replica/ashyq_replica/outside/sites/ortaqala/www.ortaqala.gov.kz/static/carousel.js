(function(){var c=document.querySelector('.carousel');if(!c)return;var s=c.querySelectorAll('.slide'),i=0;
for(var k=1;k<s.length;k++)s[k].style.display='none';
setInterval(function(){s[i].style.display='none';i=(i+1)%s.length;s[i].style.display='block';},+c.dataset.interval||5000);})();
