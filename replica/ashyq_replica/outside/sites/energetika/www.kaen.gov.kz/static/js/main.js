/* KAEN theme scripts: preloader, sticky header, counters, back to top */
(function(){
window.addEventListener('load',function(){var p=document.getElementById('preloader');if(p){p.classList.add('loaded');setTimeout(function(){p.remove()},500)}});
var h=document.getElementById('siteHeader'),top=document.getElementById('backToTop');
function onScroll(){var y=window.scrollY;if(h)h.classList.toggle('scrolled',y>80);if(top)top.classList.toggle('active',y>400)}
window.addEventListener('scroll',onScroll);onScroll();
var counters=document.querySelectorAll('[data-count]');
if('IntersectionObserver' in window){var io=new IntersectionObserver(function(es){es.forEach(function(e){if(!e.isIntersecting)return;var el=e.target,end=+el.getAttribute('data-count'),t0=null;
function step(ts){if(!t0)t0=ts;var k=Math.min((ts-t0)/1500,1);el.textContent=Math.floor(end*k).toLocaleString('ru-RU');if(k<1)requestAnimationFrame(step)}requestAnimationFrame(step);io.unobserve(el)})});counters.forEach(function(c){io.observe(c)})}
else counters.forEach(function(c){c.textContent=c.getAttribute('data-count')});
})();
