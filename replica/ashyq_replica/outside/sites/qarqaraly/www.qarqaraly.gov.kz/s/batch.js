/* page tree and expand macro, as the wiki renders them for anonymous readers */
function ptToggle(el) {
  var list = el.parentNode.querySelector("ul.plugin_pagetree_children");
  if (!list) return;
  var shown = list.style.display !== "none";
  list.style.display = shown ? "none" : "";
  el.textContent = shown ? "\u25B8" : "\u25BE";
  el.classList.toggle("expanded", !shown);
}
function toggleExpand(ctl) {
  var content = ctl.parentNode.querySelector(".expand-content");
  var shown = content.style.display !== "none";
  content.style.display = shown ? "none" : "";
  ctl.querySelector(".expand-icon").textContent = shown ? "\u25B8" : "\u25BE";
}
function toggleSidebar() {
  document.getElementById("sidebar").classList.toggle("open");
}
