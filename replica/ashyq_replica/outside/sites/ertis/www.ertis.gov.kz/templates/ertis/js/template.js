jQuery(function($){
  // the template starts the slider by itself: the carousel changes slide every data-interval ms
  $('.carousel').each(function(){ var el=$(this); setInterval(function(){ var items=el.find('.item'); var i=items.index(items.filter('.active')); items.removeClass('active').eq((i+1)%items.length).addClass('active'); }, parseInt(el.data('interval'),10)||5000); });
  $('.btn-navbar').on('click', function(e){ e.preventDefault(); $('.nav-collapse').toggleClass('in'); });
});
