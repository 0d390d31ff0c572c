document.addEventListener("click",function(e){var m=e.target.closest("[data-toggle=more]");if(m){m.classList.toggle("is-open");return}
var c=e.target.closest("[data-toggle=coll]");if(c){c.parentNode.classList.toggle("is-open")}});
