/* news slider: a slide every 5 seconds, arrows to turn it */
var sarySlider = (function () {
  var current = 0, timer = null;
  function slides() { return document.querySelectorAll('#slider .slide'); }
  function show(n) {
    var s = slides(); if (!s.length) return;
    s[current].className = 'slide';
    current = (n + s.length) % s.length;
    s[current].className = 'slide active';
  }
  function start() { timer = setInterval(function () { show(current + 1); }, 5000); }
  window.onload = function () { if (slides().length) start(); };
  return { go: function (d) { clearInterval(timer); show(current + d); start(); } };
})();
