document.addEventListener("DOMContentLoaded",function(){var b=document.querySelector(".navbar-toggler"),m=document.getElementById("mainnav");
if(b)b.addEventListener("click",function(){var o=m.classList.toggle("show");b.setAttribute("aria-expanded",o)});
var c=document.querySelector(".carousel"),p=document.querySelector(".carousel-pause"),t=null;if(c&&p){var s=c.querySelectorAll(".slide"),i=0;
t=setInterval(function(){s[i].hidden=true;i=(i+1)%s.length;s[i].hidden=false},+c.dataset.interval);
p.addEventListener("click",function(){clearInterval(t);p.setAttribute("aria-pressed","true")})}});
