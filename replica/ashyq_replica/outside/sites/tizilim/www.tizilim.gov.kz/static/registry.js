// the registry's status filter: the chips are spans answering a click only
document.addEventListener('DOMContentLoaded', function () {
  var chips = document.querySelectorAll('.chip');
  chips.forEach(function (chip) {
    chip.addEventListener('click', function () {
      chips.forEach(function (c) { c.classList.remove('on'); });
      chip.classList.add('on');
      var f = chip.getAttribute('data-filter');
      document.querySelectorAll('table.reg tbody tr').forEach(function (tr) {
        tr.style.display = (f === 'all' || tr.getAttribute('data-status') === f) ? '' : 'none';
      });
    });
  });
});
