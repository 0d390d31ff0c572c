function tg(el){var li=el.parentNode;if(li.className.indexOf('open')>-1){li.className=li.className.replace('open','');el.innerHTML='+';}else{li.className+=' open';el.innerHTML='\u2212';}}
