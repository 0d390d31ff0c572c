/* Site layout: the phone menu toggle and the home page's banner ScrollView (turns every 5 s). */
(function () {
  'use strict';
  var toggle = document.querySelector('.nav-toggle');
  var menu = document.getElementById('menu');
  if (toggle && menu) {
    toggle.addEventListener('click', function () {
      var open = menu.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  var view = document.getElementById('scrollview');
  if (view) {
    var wrap = view.querySelector('.k-scrollview-wrap');
    var dots = view.querySelectorAll('.k-scrollview-pager span');
    var count = wrap.children.length, current = 0;
    setInterval(function () {
      current = (current + 1) % count;
      wrap.style.transform = 'translateX(' + (-100 * current) + '%)';
      for (var i = 0; i < dots.length; i++) { dots[i].className = i === current ? 'k-primary' : ''; }
    }, 5000);
  }
})();
