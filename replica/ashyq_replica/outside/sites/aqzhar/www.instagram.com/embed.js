(function () {
  // Instagram embeds: each blockquote.instagram-media becomes an iframe of the post's embed page
  function process() {
    var quotes = document.querySelectorAll('blockquote.instagram-media');
    for (var i = 0; i < quotes.length; i++) {
      var q = quotes[i];
      var link = q.getAttribute('data-instgrm-permalink') || '';
      var m = link.match(/\/p\/([A-Za-z0-9_-]+)\//);
      if (!m) continue;
      var iframe = document.createElement('iframe');
      iframe.className = 'instagram-media instagram-media-rendered';
      iframe.id = 'instagram-embed-' + i;
      iframe.src = 'https://www.instagram.com/p/' + m[1] + '/embed/' + (q.hasAttribute('data-instgrm-captioned') ? 'captioned/' : '');
      iframe.setAttribute('allowtransparency', 'true');
      iframe.setAttribute('frameborder', '0');
      iframe.setAttribute('scrolling', 'no');
      iframe.setAttribute('height', '640');
      iframe.style.cssText = 'background:white;max-width:540px;width:calc(100% - 2px);border-radius:3px;border:1px solid rgb(219,219,219);box-shadow:none;display:block;margin:0 0 12px;min-width:326px;padding:0;';
      q.parentNode.replaceChild(iframe, q);
    }
  }
  window.instgrm = { Embeds: { process: process } };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', process); else process();
})();
