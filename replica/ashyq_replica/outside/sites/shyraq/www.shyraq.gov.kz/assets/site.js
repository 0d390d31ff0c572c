// mobile menu toggle
document.addEventListener('DOMContentLoaded',function(){});
