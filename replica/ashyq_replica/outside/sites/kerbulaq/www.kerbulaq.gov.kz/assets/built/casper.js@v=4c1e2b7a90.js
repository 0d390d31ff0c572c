/* theme scripts: burger menu, "load more" from the Content API, toggle cards, members sign-up */
(function () {
  var burger = document.querySelector('.gh-burger');
  if (burger) burger.addEventListener('click', function () {
    var open = document.body.classList.toggle('gh-head-open');
    burger.setAttribute('aria-expanded', open ? 'true' : 'false');
  });

  // toggle cards: the heading opens and closes its answer on click
  document.querySelectorAll('.kg-toggle-card .kg-toggle-heading').forEach(function (heading) {
    heading.addEventListener('click', function () {
      var card = heading.closest('.kg-toggle-card');
      card.setAttribute('data-kg-toggle-state', card.getAttribute('data-kg-toggle-state') === 'close' ? 'open' : 'close');
    });
  });

  var more = document.querySelector('.gh-loadmore');
  if (more) more.addEventListener('click', function () {
    var page = parseInt(more.getAttribute('data-page'), 10);
    var url = more.getAttribute('data-api') + '?key=' + more.getAttribute('data-key') + '&limit=6&page=' + page + '&include=tags';
    more.disabled = true;
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      var feed = document.querySelector('.post-feed');
      var lang = document.documentElement.lang;
      data.posts.forEach(function (p) {
        var d = new Date(p.published_at);
        var card = document.createElement('article');
        card.className = 'post-card post';
        card.innerHTML = (p.feature_image ? '<a class="post-card-image-link" href="' + p.url + '"><img class="post-card-image" src="' + p.feature_image + '" alt="' + (p.feature_image_alt || p.title) + '" loading="lazy"></a>' : '') +
          '<div class="post-card-content"><a class="post-card-content-link" href="' + p.url + '"><header class="post-card-header"><div class="post-card-primary-tag">' + p.tags[0].name + '</div><h2 class="post-card-title"></h2></header><div class="post-card-excerpt"></div></a>' +
          '<footer class="post-card-meta"><time class="post-card-meta-date" datetime="' + p.published_at.slice(0, 10) + '">' + d.toLocaleDateString(lang === 'kk' ? 'kk-KZ' : 'ru-RU', {day: 'numeric', month: 'long', year: 'numeric'}) + '</time></footer></div>';
        card.querySelector('.post-card-title').textContent = p.title;
        card.querySelector('.post-card-excerpt').textContent = p.excerpt;
        feed.appendChild(card);
      });
      var next = data.meta.pagination.next;
      if (next) { more.setAttribute('data-page', String(next)); more.disabled = false; } else { more.remove(); }
    }).catch(function () { more.disabled = false; });
  });

  document.querySelectorAll('form[data-members-form]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var email = form.querySelector('[data-members-email]').value;
      fetch('/members/api/send-magic-link/', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({email: email, emailType: 'subscribe', labels: [form.getAttribute('data-lang')]})})
        .then(function (r) { return r.json(); })
        .then(function () { form.querySelector('.message-success').hidden = false; form.querySelector('.message-error').hidden = true; })
        .catch(function () { form.querySelector('.message-error').hidden = false; });
    });
  });
})();
