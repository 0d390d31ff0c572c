(function(){var s=document.querySelectorAll('.slide'),i=0;if(s.length){setInterval(function(){s[i].classList.remove('on');i=(i+1)%s.length;s[i].classList.add('on')},4000)}
document.querySelectorAll('.tile').forEach(function(t){t.addEventListener('click',function(){location.href=t.dataset.href})});
document.querySelectorAll('.poll .opt').forEach(function(o){o.addEventListener('click',function(){document.querySelectorAll('.poll .opt').forEach(function(x){x.classList.remove('sel')});o.classList.add('sel');document.getElementById('poll-choice').value=o.dataset.v})});})();
