/* Frontend behaviour of the builder's widgets on this site: toggles, tabs, the popup, the mobile menu,
   the sticky header, lazy images, the cookie bar and the Posts widget's "load more" */
(function () {
  'use strict';
  var qa = function (s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); };
  var onKey = function (el, fn) { el.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fn(e); } }); };

  // lazy images: data-lazy-src -> src
  var lazy = function (root) { qa('img[data-lazy-src]', root).forEach(function (img) { img.src = img.getAttribute('data-lazy-src'); img.removeAttribute('data-lazy-src'); }); };
  lazy();

  // toggles and accordions: a title opens its content (an accordion closes the others)
  qa('.elementor-toggle, .elementor-accordion').forEach(function (box) {
    var single = box.classList.contains('elementor-accordion');
    qa('.elementor-tab-title', box).forEach(function (title) {
      var open = function () {
        var content = document.getElementById(title.getAttribute('aria-controls'));
        var show = title.getAttribute('aria-expanded') !== 'true';
        if (single) qa('.elementor-tab-title', box).forEach(function (t) { t.setAttribute('aria-expanded', 'false'); t.classList.remove('elementor-active'); var c = document.getElementById(t.getAttribute('aria-controls')); if (c) c.hidden = true; });
        title.setAttribute('aria-expanded', show ? 'true' : 'false');
        title.classList.toggle('elementor-active', show);
        if (content) content.hidden = !show;
      };
      title.addEventListener('click', open);
      onKey(title, open);
    });
  });

  // tabs: desktop titles and their mobile copies
  qa('.elementor-tabs').forEach(function (tabs) {
    var choose = function (n) {
      qa('.elementor-tab-title', tabs).forEach(function (t) { var on = t.getAttribute('data-tab') === n; t.classList.toggle('elementor-active', on); t.setAttribute('aria-selected', on ? 'true' : 'false'); if (t.classList.contains('elementor-tab-desktop-title')) t.setAttribute('tabindex', on ? '0' : '-1'); });
      qa('.elementor-tab-content', tabs).forEach(function (c) { var on = c.getAttribute('data-tab') === n; c.hidden = !on; c.classList.toggle('elementor-active', on); });
    };
    qa('.elementor-tab-title', tabs).forEach(function (t) {
      t.addEventListener('click', function () { choose(t.getAttribute('data-tab')); });
      onKey(t, function () { choose(t.getAttribute('data-tab')); });
    });
  });

  // the popup of the internet reception, opened by the header button
  var popup = document.getElementById('elementor-popup-modal-4471');
  var opener = null;
  var closePopup = function () { if (!popup) return; popup.hidden = true; if (opener) opener.focus(); };
  qa('a[href^="#elementor-action"]').forEach(function (a) {
    a.addEventListener('click', function (e) { e.preventDefault(); if (!popup) return; opener = a; popup.hidden = false; var f = popup.querySelector('input:not([type=hidden])'); if (f) f.focus(); });
  });
  if (popup) {
    popup.querySelector('.dialog-close-button').addEventListener('click', closePopup);
    popup.addEventListener('click', function (e) { if (e.target === popup) closePopup(); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !popup.hidden) closePopup(); });
  }

  // the mobile menu (hamburger below 768 px)
  qa('.elementor-menu-toggle').forEach(function (t) {
    var flip = function () { var on = !t.classList.contains('elementor-active'); t.classList.toggle('elementor-active', on); t.setAttribute('aria-expanded', on ? 'true' : 'false'); var d = t.nextElementSibling; if (d) d.setAttribute('aria-hidden', on ? 'false' : 'true'); };
    t.addEventListener('click', flip);
    onKey(t, flip);
  });

  // the sticky header shrinks once the page is scrolled
  var header = document.querySelector('.site-header');
  var shrink = function () { if (header) header.classList.toggle('elementor-sticky--effects', window.scrollY > 90); };
  window.addEventListener('scroll', shrink, { passive: true });
  shrink();

  // cookie consent
  var bar = document.getElementById('cookie-notice');
  if (bar && document.cookie.indexOf('cookie_notice_accepted=true') === -1) bar.classList.remove('cookie-notice-hidden');
  qa('.cn-set-cookie').forEach(function (b) {
    b.addEventListener('click', function (e) { e.preventDefault(); document.cookie = 'cookie_notice_accepted=true; path=/; max-age=31536000'; bar.classList.add('cookie-notice-hidden'); });
  });

  // the Posts widget: "load more" fetches the next page of posts from the REST API
  qa('.e-load-more').forEach(function (btn) {
    var widget = btn.closest('.elementor-widget-posts');
    var anchor = widget.querySelector('.e-load-more-anchor');
    var list = widget.querySelector('.elementor-posts-container');
    var more = document.documentElement.lang === 'kk' ? 'Толығырақ »' : 'Читать далее »';
    btn.addEventListener('click', function () {
      var url = anchor.getAttribute('data-next-page');
      if (!url) return;
      btn.disabled = true;
      fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (posts) {
        posts.forEach(function (p) {
          var d = p.date.slice(0, 10).split('-').reverse().join('.');
          var art = document.createElement('article');
          art.className = 'elementor-post elementor-grid-item post type-post';
          art.innerHTML = '<a class="elementor-post__thumbnail__link" href="' + p.link + '" tabindex="-1"><div class="elementor-post__thumbnail"><img src="' + p.featured_media_url + '" alt="' + p.title.rendered.replace(/"/g, '&quot;') + '"></div></a>' +
            '<div class="elementor-post__text"><h3 class="elementor-post__title"><a href="' + p.link + '">' + p.title.rendered + '</a></h3>' +
            '<div class="elementor-post__meta-data"><span class="elementor-post-date">' + d + '</span></div><div class="elementor-post__excerpt">' + p.excerpt.rendered + '</div>' +
            '<a class="elementor-post__read-more" href="' + p.link + '">' + more + '</a></div>';
          list.appendChild(art);
        });
        var page = parseInt(anchor.getAttribute('data-page'), 10) + 1;
        anchor.setAttribute('data-page', page);
        if (page >= parseInt(anchor.getAttribute('data-max-page'), 10)) { anchor.removeAttribute('data-next-page'); btn.parentNode.hidden = true; }
        btn.disabled = false;
      });
    });
  });
})();
