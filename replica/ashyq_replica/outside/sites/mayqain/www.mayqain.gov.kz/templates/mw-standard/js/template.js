/* MunicipalSite template scripts */
function mwToggle(el){el.parentNode.classList.toggle('open');}
function mwMenu(btn){var nav=btn.parentNode;nav.classList.toggle('open');btn.setAttribute('aria-expanded',nav.classList.contains('open'));}
var mwCalendar=(function(){
  function months(){return document.querySelectorAll('.mw-cal-month');}
  function shown(){var m=months();for(var i=0;i<m.length;i++){if(m[i].style.display!=='none')return i;}return 0;}
  function show(i){var m=months();if(i<0||i>=m.length)return;for(var j=0;j<m.length;j++){m[j].style.display=(j===i)?'':'none';}}
  return {prev:function(){show(shown()-1);},next:function(){show(shown()+1);}};
})();
