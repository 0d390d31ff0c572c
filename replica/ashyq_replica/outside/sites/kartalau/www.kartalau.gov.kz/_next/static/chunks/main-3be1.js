/* the framework's runtime: hydrates the page from __NEXT_DATA__ */
(function(){var d=document.getElementById('__NEXT_DATA__');window.__NEXT_DATA__=d?JSON.parse(d.textContent):{};})();
