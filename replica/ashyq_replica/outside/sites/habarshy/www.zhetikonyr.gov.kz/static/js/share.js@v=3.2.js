document.querySelectorAll('.share-btn').forEach(function (b) {
  b.addEventListener('click', function () {
    var u = encodeURIComponent(location.href), n = b.getAttribute('data-net'), t = {
      facebook: 'https://www.facebook.com/sharer/sharer.php?u=', telegram: 'https://t.me/share/url?url=',
      whatsapp: 'https://wa.me/?text=', vk: 'https://vk.com/share.php?url=' }[n];
    window.open(t + u, '_blank', 'width=600,height=500');
  });
});
