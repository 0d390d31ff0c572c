/*! KZDS Frontend 4.2.0 — компоненттер / компоненты: skip-link, service-navigation, accordion, step-nav, tabs,
    error-summary, notification-banner, feedback. Тіл мәтіндері data-* атрибуттарынан алынады. */
(function () {
  'use strict';
  var doc = document;
  var lang = doc.documentElement.lang === 'ru' ? 'ru' : (doc.documentElement.lang === 'en' ? 'en' : 'kk');
  var T = {
    kk: { menu: 'Мәзір', showAll: 'Барлық бөлімдерді ашу', hideAll: 'Барлық бөлімдерді жабу', show: 'Көрсету', hide: 'Жасыру',
          stepsAll: 'Барлық қадамдарды көрсету', stepsNone: 'Барлық қадамдарды жасыру', thanks: 'Пікіріңізге рахмет.', fail: 'Пікір жіберілмеді. Кейінірек қайталап көріңіз.' },
    ru: { menu: 'Меню', showAll: 'Открыть все разделы', hideAll: 'Закрыть все разделы', show: 'Показать', hide: 'Скрыть',
          stepsAll: 'Показать все шаги', stepsNone: 'Скрыть все шаги', thanks: 'Спасибо за отзыв.', fail: 'Отзыв не отправлен. Попробуйте позже.' },
    en: { menu: 'Menu', showAll: 'Show all sections', hideAll: 'Hide all sections', show: 'Show', hide: 'Hide',
          stepsAll: 'Show all steps', stepsNone: 'Hide all steps', thanks: 'Thank you for your feedback.', fail: 'Feedback was not sent. Please try again later.' }
  }[lang];

  function each(selector, fn, root) { Array.prototype.forEach.call((root || doc).querySelectorAll(selector), fn); }

  // Skip link: move focus to the main content
  each('[data-module="kzds-skip-link"]', function (link) {
    link.addEventListener('click', function () {
      var target = doc.getElementById(link.getAttribute('href').slice(1));
      if (!target) { return; }
      if (!target.hasAttribute('tabindex')) { target.setAttribute('tabindex', '-1'); }
      target.focus();
    });
  });

  // Service navigation: a "Menu" button folds the list on narrow screens
  each('[data-module="kzds-service-navigation"]', function (nav) {
    var button = nav.querySelector('.kzds-service-navigation__toggle');
    var list = nav.querySelector('.kzds-service-navigation__list');
    if (!button || !list) { return; }
    var narrow = window.matchMedia('(max-width: 40.0525em)');
    function sync() {
      if (narrow.matches) {
        button.hidden = false;
        if (button.getAttribute('aria-expanded') !== 'true') { list.setAttribute('data-collapsed', ''); button.setAttribute('aria-expanded', 'false'); }
      } else {
        button.hidden = true;
        list.removeAttribute('data-collapsed');
      }
    }
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') === 'true';
      button.setAttribute('aria-expanded', String(!open));
      if (open) { list.setAttribute('data-collapsed', ''); } else { list.removeAttribute('data-collapsed'); }
    });
    if (narrow.addEventListener) { narrow.addEventListener('change', sync); }
    sync();
  });

  // Accordion: each heading becomes a button that shows or hides its section
  each('[data-module="kzds-accordion"]', function (accordion) {
    var sections = accordion.querySelectorAll('.kzds-accordion__section');
    var buttons = [];
    Array.prototype.forEach.call(sections, function (section, i) {
      var heading = section.querySelector('.kzds-accordion__section-heading');
      var content = section.querySelector('.kzds-accordion__section-content');
      var id = content.id || (accordion.id + '-content-' + (i + 1));
      content.id = id;
      var button = doc.createElement('button');
      button.type = 'button';
      button.className = 'kzds-accordion__section-button';
      button.setAttribute('aria-controls', id);
      button.setAttribute('aria-expanded', 'false');
      button.textContent = heading.textContent;
      heading.textContent = '';
      heading.appendChild(button);
      content.hidden = true;
      button.addEventListener('click', function () { toggle(button, content, button.getAttribute('aria-expanded') !== 'true'); update(); });
      buttons.push([button, content]);
    });
    function toggle(button, content, open) { button.setAttribute('aria-expanded', String(open)); content.hidden = !open; }
    var all = doc.createElement('button');
    all.type = 'button';
    all.className = 'kzds-accordion__show-all';
    all.setAttribute('aria-expanded', 'false');
    all.textContent = T.showAll;
    function update() {
      var open = buttons.every(function (b) { return b[0].getAttribute('aria-expanded') === 'true'; });
      all.setAttribute('aria-expanded', String(open));
      all.textContent = open ? T.hideAll : T.showAll;
    }
    all.addEventListener('click', function () {
      var open = all.getAttribute('aria-expanded') !== 'true';
      buttons.forEach(function (b) { toggle(b[0], b[1], open); });
      update();
    });
    var controls = doc.createElement('div');
    controls.className = 'kzds-accordion__controls';
    controls.appendChild(all);
    accordion.insertBefore(controls, accordion.firstChild);
    if (location.hash) {
      buttons.forEach(function (b) { if (b[1].querySelector(location.hash) || '#' + b[1].id === location.hash) { toggle(b[0], b[1], true); } });
      update();
    }
  });

  // Step by step navigation: each step's panel shown or hidden by its title
  each('[data-module="kzds-step-nav"]', function (nav) {
    var steps = [];
    each('.kzds-step-nav__step', function (step) {
      var title = step.querySelector('.kzds-step-nav__title-text');
      var panel = step.querySelector('.kzds-step-nav__panel');
      if (!title || !panel) { return; }
      var button = doc.createElement('button');
      button.type = 'button';
      button.className = 'kzds-step-nav__button';
      button.setAttribute('aria-controls', panel.id);
      button.setAttribute('aria-expanded', 'false');
      var text = doc.createElement('span');
      text.textContent = title.textContent;
      var link = doc.createElement('span');
      link.className = 'kzds-step-nav__toggle-link';
      link.textContent = T.show;
      button.appendChild(text);
      button.appendChild(link);
      title.textContent = '';
      title.appendChild(button);
      panel.hidden = true;
      button.addEventListener('click', function () { set(button, panel, link, button.getAttribute('aria-expanded') !== 'true'); sync(); });
      steps.push([button, panel, link]);
    }, nav);
    function set(button, panel, link, open) { button.setAttribute('aria-expanded', String(open)); panel.hidden = !open; link.textContent = open ? T.hide : T.show; }
    var all = doc.createElement('button');
    all.type = 'button';
    all.className = 'kzds-step-nav__show-all';
    all.setAttribute('aria-expanded', 'false');
    all.textContent = T.stepsAll;
    function sync() {
      var open = steps.every(function (s) { return s[0].getAttribute('aria-expanded') === 'true'; });
      all.setAttribute('aria-expanded', String(open));
      all.textContent = open ? T.stepsNone : T.stepsAll;
    }
    all.addEventListener('click', function () {
      var open = all.getAttribute('aria-expanded') !== 'true';
      steps.forEach(function (s) { set(s[0], s[1], s[2], open); });
      sync();
    });
    nav.insertBefore(all, nav.firstChild);
  });

  // Tabs: the panels become tabs, one shown at a time; without the script they stay one under the other
  each('[data-module="kzds-tabs"]', function (tabs) {
    var links = tabs.querySelectorAll('.kzds-tabs__tab');
    var list = tabs.querySelector('.kzds-tabs__list');
    list.setAttribute('role', 'tablist');
    function select(link, focus) {
      Array.prototype.forEach.call(links, function (other) {
        var panel = doc.getElementById(other.getAttribute('href').slice(1));
        var on = other === link;
        other.setAttribute('aria-selected', String(on));
        other.setAttribute('tabindex', on ? '0' : '-1');
        other.parentNode.classList.toggle('kzds-tabs__list-item--selected', on);
        panel.classList.toggle('kzds-tabs__panel--hidden', !on);
      });
      if (focus) { link.focus(); }
    }
    Array.prototype.forEach.call(links, function (link, i) {
      var panel = doc.getElementById(link.getAttribute('href').slice(1));
      link.setAttribute('role', 'tab');
      link.id = link.id || 'tab_' + panel.id;
      link.setAttribute('aria-controls', panel.id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', link.id);
      link.addEventListener('click', function (event) { event.preventDefault(); select(link, false); history.replaceState(null, '', '#' + panel.id); });
      link.addEventListener('keydown', function (event) {
        var next = event.key === 'ArrowRight' ? links[(i + 1) % links.length] : event.key === 'ArrowLeft' ? links[(i - 1 + links.length) % links.length] : null;
        if (next) { event.preventDefault(); select(next, true); }
      });
    });
    var chosen = Array.prototype.filter.call(links, function (l) { return l.getAttribute('href') === location.hash; })[0];
    select(chosen || links[0], false);
  });

  // Error summary and notification banners asking for attention take the focus when the page opens
  each('[data-module="kzds-error-summary"]', function (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
    each('a', function (a) {
      a.addEventListener('click', function (event) {
        var input = doc.getElementById(a.getAttribute('href').slice(1));
        if (!input) { return; }
        event.preventDefault();
        input.scrollIntoView();
        input.focus({ preventScroll: true });
      });
    }, summary);
  });
  each('[data-module="kzds-notification-banner"][role="alert"]', function (banner) { banner.setAttribute('tabindex', '-1'); banner.focus(); });

  // "Is this page useful?": sent in the background, thanked in place
  each('[data-module="kzds-feedback"]', function (box) {
    var form = box.querySelector('form');
    var status = box.querySelector('.kzds-feedback__status');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
      fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (answer) { if (!answer.ok) { throw new Error(answer.status); } form.hidden = true; status.textContent = T.thanks; })
        .catch(function () { status.textContent = T.fail; });
    });
  });
}());
