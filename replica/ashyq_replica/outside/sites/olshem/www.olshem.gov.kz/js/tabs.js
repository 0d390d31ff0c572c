document.querySelectorAll('[role=tablist]').forEach(function(list){
  var tabs=list.querySelectorAll('[role=tab]');
  tabs.forEach(function(tab,i){
    tab.addEventListener('click',function(){select(i)});
    tab.addEventListener('keydown',function(e){
      if(e.key==='ArrowRight'){select((i+1)%tabs.length);tabs[(i+1)%tabs.length].focus()}
      if(e.key==='ArrowLeft'){var j=(i+tabs.length-1)%tabs.length;select(j);tabs[j].focus()}});
  });
  function select(n){tabs.forEach(function(t,k){t.setAttribute('aria-selected',k===n?'true':'false');
    t.tabIndex=k===n?0:-1;document.getElementById(t.getAttribute('aria-controls')).hidden=k!==n;});
    if(history.replaceState){history.replaceState(null,'','#'+tabs[n].getAttribute('aria-controls'))}}
  var h=location.hash.slice(1);tabs.forEach(function(t,k){if(t.getAttribute('aria-controls')===h){select(k)}});
});
