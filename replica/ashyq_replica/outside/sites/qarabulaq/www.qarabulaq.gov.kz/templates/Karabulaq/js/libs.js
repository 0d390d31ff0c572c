/* Karabulaq template: poll of the left column (DataLife Engine's ajax poll, simplified) */
function ShowPollResults(id) {
  var f = document.getElementById('dle-poll');
  if (f) { f.innerHTML = '<div class="vote-title">' + (document.documentElement.lang === 'kk' ? 'Дауыс берген: 214' : 'Проголосовало: 214') + '</div>'; }
  return false;
}
document.addEventListener('DOMContentLoaded', function () {
  var f = document.getElementById('dle-poll');
  if (!f) return;
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData(f);
    fetch(f.action, { method: 'POST', body: data }).then(function (r) { return r.json(); }).then(function (j) {
      f.innerHTML = '<div class="vote-title">' + j.message + '</div>';
    });
  });
});
