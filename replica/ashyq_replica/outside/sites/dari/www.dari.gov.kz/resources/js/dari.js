/* dari.js — widget helpers over PrimeFaces */
var DARI = {
  acc: function (h) { var c = h.nextElementSibling, open = c.style.display !== 'none';
    c.style.display = open ? 'none' : 'block'; c.setAttribute('aria-hidden', open ? 'true' : 'false'); h.setAttribute('aria-expanded', open ? 'false' : 'true'); },
  tab: function (a) { var li = a.parentNode, ul = li.parentNode, view = ul.parentNode, i, lis = ul.children, panels = view.querySelectorAll('.ui-tabs-panel');
    for (i = 0; i < lis.length; i++) { var on = lis[i] === li; lis[i].classList.toggle('ui-state-active', on); lis[i].setAttribute('aria-selected', on);
      panels[i].style.display = on ? 'block' : 'none'; panels[i].setAttribute('aria-hidden', on ? 'false' : 'true'); } }
};
window.PF = window.PF || function (id) { var el = document.getElementById(id);
  return { show: function () { el.style.display = 'block'; el.setAttribute('aria-hidden', 'false'); }, hide: function () { el.style.display = 'none'; el.setAttribute('aria-hidden', 'true'); } }; };
document.addEventListener('DOMContentLoaded', function () {
  var c = document.querySelector('.ui-carousel'); if (!c) return;
  var ul = c.querySelector('.ui-carousel-items'), n = ul.children.length, i = 0;
  setInterval(function () { i = (i + 1) % n; ul.style.transform = 'translateX(' + (-860 * i) + 'px)'; ul.style.transition = 'transform .6s'; }, +c.getAttribute('data-autoplay') || 4000);
  var g = document.querySelectorAll('.ui-growl-item-container'); setTimeout(function () { for (var k = 0; k < g.length; k++) g[k].style.display = 'none'; }, 6000);
});
