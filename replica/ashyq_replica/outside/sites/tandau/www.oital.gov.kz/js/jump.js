/* jump menus: go to the address of the chosen option */
function tJump(sel) {
  var v = sel.options[sel.selectedIndex].value;
  if (v) { window.location.href = v; }
}
