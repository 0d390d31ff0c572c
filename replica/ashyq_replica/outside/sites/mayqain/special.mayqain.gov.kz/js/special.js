function svSize(n){var b=document.body;b.className=b.className.replace(/sv-size-\d/,'sv-size-'+n);try{localStorage.setItem('svSize',n);}catch(e){}}
document.addEventListener('DOMContentLoaded',function(){try{var n=localStorage.getItem('svSize');if(n)svSize(n);}catch(e){}});
