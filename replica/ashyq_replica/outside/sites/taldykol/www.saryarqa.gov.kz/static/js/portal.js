function toggleAcc(el) {
  var body = el.nextElementSibling;
  body.hidden = !body.hidden;
  el.classList.toggle('open');
}
document.querySelectorAll('.dropdown-toggle').forEach(function (a) {
  a.addEventListener('click', function (e) { e.preventDefault(); a.parentNode.classList.toggle('open'); });
});
