/*! webflow.js (site build) */
(function(){function q(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s))}
q('.w-dropdown-toggle').forEach(function(t){t.addEventListener('click',function(){t.nextElementSibling.classList.toggle('w--open')})});
q('.w-nav-button').forEach(function(b){b.addEventListener('click',function(){q('.w-nav-menu').forEach(function(m){m.classList.toggle('w--open')})})});
q('.w-tabs').forEach(function(tb){q('.w-tab-link',tb).forEach(function(l){l.addEventListener('click',function(){var n=l.getAttribute('data-w-tab');q('.w-tab-link',tb).forEach(function(x){x.classList.toggle('w--current',x===l)});q('.w-tab-pane',tb).forEach(function(p){p.classList.toggle('w--tab-active',p.getAttribute('data-w-tab')===n)})})})});
var io=new IntersectionObserver(function(es){es.forEach(function(e){if(e.isIntersecting){e.target.style.transition='opacity .6s';e.target.style.opacity=1;io.unobserve(e.target)}})});q('[data-w-id]').forEach(function(s){io.observe(s)});
q('.w-slider[data-autoplay=true]').forEach(function(s){var sl=q('.w-slide',s),i=0;setInterval(function(){sl[i].classList.remove('active');i=(i+1)%sl.length;sl[i].classList.add('active')},+s.getAttribute('data-delay')||4000)});
})();
