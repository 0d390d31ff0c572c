/* e-Akimat widgets 2.3: tell the embedding page the height of the widget */
(function(){function post(){try{parent.postMessage({eakimat:'height',h:document.documentElement.scrollHeight},'*')}catch(e){}}
window.addEventListener('load',post);window.addEventListener('resize',post);})();
