/*! For license information please see app-8f3c2d1a6b7e90a4c5d2.js.LICENSE.txt */
(self.webpackChunkqorgan_gov_kz=self.webpackChunkqorgan_gov_kz||[]).push([[143],{},function(){"use strict";
var cache={};
function pageDataUrl(p){var s=p.replace(/^\/+|\/+$/g,"");return "/page-data/"+(s||"index")+"/page-data.json"}
function loadPage(p){if(!cache[p]){cache[p]=fetch(pageDataUrl(p),{credentials:"same-origin"}).then(function(r){if(!r.ok)throw new Error(r.status);return r.json()})}return cache[p]}
function lang(p){var m=/^\/(kk|ru)\//.exec(p);return m?m[1]:""}
function isRoute(a){
  if(!a||!a.href||a.origin!==location.origin||a.target==="_blank"||a.hasAttribute("download"))return false;
  if(/\.(pdf|docx?|xlsx?|zip|rar|xml|json|png|jpe?g)$/i.test(a.pathname))return false;
  return lang(a.pathname)!==""&&lang(a.pathname)===lang(location.pathname)&&!/^\/(kk|ru)\/(izdeu|poisk)\//.test(a.pathname);
}
/* links are prefetched on hover, as gatsby-link does */
document.addEventListener("mouseover",function(e){var a=e.target.closest&&e.target.closest("a");if(isRoute(a))loadPage(a.pathname).catch(function(){})},{passive:true});
document.addEventListener("click",function(e){
  if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;
  var a=e.target.closest&&e.target.closest("a");if(!isRoute(a))return;
  if(a.pathname===location.pathname&&a.hash)return;
  e.preventDefault();navigate(a.pathname+a.search+a.hash,true);
});
window.addEventListener("popstate",function(){navigate(location.pathname+location.search+location.hash,false)});
function navigate(url,push){
  var u=new URL(url,location.href);
  loadPage(u.pathname).then(function(d){
    var r=d.result,c=r.pageContext,main=document.querySelector("main");
    main.innerHTML=r.data.page.html;
    document.title=(u.pathname==="/"+c.lang+"/")?c.siteTitle:c.title+" | "+c.siteTitle;
    var sw=document.querySelector("[data-lang-switch]");if(sw)sw.setAttribute("href",c.alternate);
    document.querySelectorAll(".Nav-module--link--3Lr0s").forEach(function(l){l.classList.toggle("Nav-module--active--2yQ4m",u.pathname.indexOf(l.getAttribute("href"))===0)});
    if(push)history.pushState({},"",u.pathname+u.search+u.hash);
    window.___pagePath=u.pathname;
    var ann=document.getElementById("gatsby-announcer");if(ann)ann.textContent=c.title;
    if(u.hash&&document.getElementById(u.hash.slice(1)))document.getElementById(u.hash.slice(1)).scrollIntoView();else window.scrollTo(0,0);
    hydrate();
  }).catch(function(){location.href=url});
}
/* the map widget: the balloon drawn from the div's data-balloon */
function initMap(){
  document.querySelectorAll("[data-balloon]").forEach(function(el){
    if(el.querySelector(".Map-module--balloon--1uY7d"))return;
    var b;try{b=JSON.parse(el.getAttribute("data-balloon"))}catch(e){return}
    var pin=document.createElement("span");pin.className="Map-module--pin--2vE0s";el.appendChild(pin);
    var box=document.createElement("div");box.className="Map-module--balloon--1uY7d";
    var t=document.createElement("b");t.textContent=b.title;box.appendChild(t);
    [b.address,b.hours].forEach(function(s){if(!s)return;var p=document.createElement("div");p.textContent=s;box.appendChild(p)});
    el.appendChild(box);
  });
}
/* the documents' faceted filter over /static/docs-index.<lang>.json */
function initDocs(){
  var root=document.querySelector("[data-docs-filter]");if(!root||root.___ready)return;root.___ready=true;
  var list=root.querySelector(".Docs-module--list--3Yk7c"),count=root.querySelector(".Docs-module--count--2Ke1s"),first=list.innerHTML,firstCount=count.textContent;
  var kk=document.documentElement.lang==="kk",index=null;
  function checked(n){return Array.prototype.map.call(root.querySelectorAll('input[name="'+n+'"]:checked'),function(i){return i.value})}
  function esc(s){var d=document.createElement("div");d.textContent=s;return d.innerHTML}
  function draw(){
    var kinds=checked("kind"),years=checked("year");
    if(!kinds.length&&!years.length){list.innerHTML=first;count.textContent=firstCount;return}
    var found=index.documents.filter(function(d){return(!kinds.length||kinds.indexOf(d.kind)>=0)&&(!years.length||years.indexOf(String(d.year))>=0)});
    count.textContent=(kk?"Табылды: ":"Найдено: ")+found.length+" / "+index.total;
    list.innerHTML=found.map(function(d){return'<li class="Docs-module--item--1aS3v"><a href="'+d.url+'">'+esc(d.title)+'</a><div class="Docs-module--meta--2mF8q">'+esc(d.kindTitle)+" · "+d.date+" · "+esc(d.status)+" · "+d.format+", "+d.sizeKb+" КБ</div></li>"}).join("");
  }
  fetch(root.getAttribute("data-index")).then(function(r){return r.json()}).then(function(j){index=j;root.addEventListener("change",draw)});
}
/* the search page: the query from ?q=, matched against titles and excerpts */
function initSearch(){
  var out=document.querySelector("[data-search-index]");if(!out)return;
  var q=new URLSearchParams(location.search).get("q")||"",kk=document.documentElement.lang==="kk";
  document.querySelectorAll('input[name="q"]').forEach(function(i){i.value=q});
  if(!q.trim())return;
  fetch(out.getAttribute("data-search-index")).then(function(r){return r.json()}).then(function(rows){
    var n=q.trim().toLowerCase(),hits=rows.filter(function(r){return r.title.toLowerCase().indexOf(n)>=0||r.excerpt.toLowerCase().indexOf(n)>=0});
    out.innerHTML="";var p=document.createElement("p");p.textContent=(kk?"«"+q+"» бойынша табылды: ":"По запросу «"+q+"» найдено: ")+hits.length;out.appendChild(p);
    var ol=document.createElement("ol");hits.forEach(function(h){var li=document.createElement("li"),a=document.createElement("a");a.href=h.path;a.textContent=h.title;li.appendChild(a);ol.appendChild(li)});out.appendChild(ol);
  });
}
/* the burger opening the menu at narrow widths */
function initBurger(){
  var b=document.querySelector(".Header-module--burger--1Qx7P");if(!b||b.___ready)return;b.___ready=true;
  b.addEventListener("click",function(){document.querySelector(".Nav-module--nav--2Tg4s").classList.toggle("Nav-module--open--1kW3s")});
}
function hydrate(){initMap();initDocs();initSearch();initBurger()}
if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",hydrate);else hydrate();
}]);
