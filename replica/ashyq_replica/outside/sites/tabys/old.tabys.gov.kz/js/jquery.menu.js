/* old menu helper: highlights the current top menu item */
(function(){var l=location.href,a=document.querySelectorAll("#topmenu>li>a");for(var i=0;i<a.length;i++){if(l.indexOf(a[i].getAttribute("href"))>-1)a[i].style.background="#0f2a44"}})();
