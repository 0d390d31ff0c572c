/* frame.js: the published document fills the window under the header */
(function () {
  function fit() {
    var frames = document.querySelectorAll('iframe.doc');
    for (var i = 0; i < frames.length; i++) {
      var h = Math.max(window.innerHeight - 120, 600);
      frames[i].style.height = h + 'px';
    }
  }
  window.addEventListener('resize', fit);
  document.addEventListener('DOMContentLoaded', fit);
})();
