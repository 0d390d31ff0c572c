/* aos-lite 1.0 — a small Animate-On-Scroll: adds .aos-animate to [data-aos] elements entering the viewport */
(function(w){var opts={offset:80,once:true};
function reveal(el){el.classList.add('aos-animate')}
function init(o){for(var k in o)opts[k]=o[k];var els=[].slice.call(document.querySelectorAll('[data-aos]'));
if(!('IntersectionObserver' in w)){els.forEach(reveal);return}
var io=new IntersectionObserver(function(entries){entries.forEach(function(en){if(en.isIntersecting){reveal(en.target);if(opts.once)io.unobserve(en.target)}else if(!opts.once){en.target.classList.remove('aos-animate')}})},{rootMargin:'0px 0px -'+opts.offset+'px 0px',threshold:0});
els.forEach(function(el){io.observe(el)})}
w.AOS={init:init,refresh:function(){init(opts)}}})(window);
