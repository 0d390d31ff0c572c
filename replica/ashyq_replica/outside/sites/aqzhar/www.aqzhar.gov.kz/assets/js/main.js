/**
* Theme: Dala – one page Bootstrap template
* main.js: sticky header, mobile navigation, scrollspy, back to top
*/
(function () {
  "use strict";
  var header = document.getElementById('header');
  var offset = function () { return header ? header.offsetHeight : 0; };

  // header on scroll
  function onScroll() {
    if (header) header.classList.toggle('header-scrolled', window.scrollY > 100);
    var top = document.querySelector('.back-to-top');
    if (top) top.classList.toggle('active', window.scrollY > 100);
    // scrollspy: the menu item of the section in view
    var pos = window.scrollY + offset() + 10;
    document.querySelectorAll('.nav-menu a[href^="#"]').forEach(function (a) {
      var s = document.querySelector(a.getAttribute('href'));
      if (!s) return;
      var on = pos >= s.offsetTop && pos <= s.offsetTop + s.offsetHeight;
      a.parentNode.classList.toggle('active', on);
    });
  }
  window.addEventListener('scroll', onScroll);
  window.addEventListener('load', onScroll);

  // smooth scroll to an anchor of this page, below the fixed header
  document.addEventListener('click', function (e) {
    var a = e.target.closest('a[href^="#"]');
    if (!a || a.getAttribute('href') === '#' || a.hasAttribute('data-slide') || a.hasAttribute('data-toggle')) return;
    var target = document.querySelector(a.getAttribute('href'));
    if (!target) return;
    e.preventDefault();
    window.scrollTo({ top: target.offsetTop - offset() + 2, behavior: 'smooth' });
    closeMobile();
  });

  // back to top
  var top = document.querySelector('.back-to-top');
  if (top) top.addEventListener('click', function (e) { e.preventDefault(); window.scrollTo({ top: 0, behavior: 'smooth' }); });

  // mobile navigation: a copy of the desktop menu
  var menu = document.querySelector('.nav-menu');
  var toggle = document.querySelector('.mobile-nav-toggle');
  var mobile, overly;
  if (menu && toggle) {
    mobile = document.createElement('nav');
    mobile.className = 'mobile-nav d-lg-none';
    mobile.innerHTML = menu.innerHTML;
    overly = document.createElement('div');
    overly.className = 'mobile-nav-overly';
    document.body.appendChild(mobile);
    document.body.appendChild(overly);
    toggle.addEventListener('click', function () {
      var open = !mobile.classList.contains('open');
      mobile.classList.toggle('open', open);
      overly.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    overly.addEventListener('click', closeMobile);
  }
  function closeMobile() {
    if (!mobile) return;
    mobile.classList.remove('open');
    overly.classList.remove('open');
    toggle.setAttribute('aria-expanded', 'false');
  }
})();
