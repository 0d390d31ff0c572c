// the phone menu: the three-bar box opens the anchor menu and an anchor chosen closes it
(function () {
  var box = document.querySelector('.burger');
  var nav = document.getElementById('menu');
  if (!box || !nav) return;
  box.addEventListener('click', function () { nav.classList.toggle('open'); });
  nav.addEventListener('click', function (e) { if (e.target.tagName === 'A') nav.classList.remove('open'); });
})();
