// published page runtime: toggles and database views
function notionToggle(el){
  var block = el.parentNode;
  var content = block.querySelector('.notion-toggle-content');
  var open = content.hasAttribute('hidden');
  if (open) { content.removeAttribute('hidden'); block.classList.add('notion-toggle-open'); }
  else { content.setAttribute('hidden', ''); block.classList.remove('notion-toggle-open'); }
}
function notionView(tab){
  var coll = tab.closest('.notion-collection');
  coll.querySelectorAll('.notion-collection-view-tab').forEach(function(t){ t.classList.toggle('notion-collection-view-tab-active', t === tab); });
  coll.querySelectorAll('.notion-collection-view').forEach(function(v){
    if (v.id === tab.getAttribute('data-view')) v.removeAttribute('hidden'); else v.setAttribute('hidden', '');
  });
}
document.addEventListener('DOMContentLoaded', function(){
  if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    var t = target && target.closest('.notion-toggle-content');
    if (t) { t.removeAttribute('hidden'); t.parentNode.classList.add('notion-toggle-open'); }
  }
});
