(function(){
  "use strict";
  document.addEventListener("DOMContentLoaded", function(){
    // announcement bar: dismissed for the session
    var bar = document.querySelector(".sqs-announcement-bar");
    if (bar) {
      if (sessionStorage.getItem("sqs-announcement-closed")) { bar.hidden = true; }
      var x = bar.querySelector(".sqs-announcement-bar-close");
      if (x) x.addEventListener("click", function(){ bar.hidden = true; sessionStorage.setItem("sqs-announcement-closed", "1"); });
    }
    // accordion blocks
    document.querySelectorAll(".accordion-item__click-target").forEach(function(btn){
      btn.addEventListener("click", function(){
        var open = btn.getAttribute("aria-expanded") === "true";
        btn.setAttribute("aria-expanded", open ? "false" : "true");
        var panel = btn.closest(".accordion-item").querySelector(".accordion-item__dropdown");
        panel.hidden = open;
        var icon = btn.querySelector(".accordion-icon"); if (icon) icon.textContent = open ? "+" : "−";
      });
    });
    // mobile menu
    var burger = document.querySelector(".Header-burger"), overlay = document.getElementById("mobile-menu");
    if (burger && overlay) burger.addEventListener("click", function(){
      var open = burger.getAttribute("aria-expanded") === "true";
      burger.setAttribute("aria-expanded", open ? "false" : "true"); overlay.hidden = open;
    });
    document.querySelectorAll(".Mobile-folder-toggle").forEach(function(b){
      b.addEventListener("click", function(){
        var open = b.getAttribute("aria-expanded") === "true";
        b.setAttribute("aria-expanded", open ? "false" : "true"); b.nextElementSibling.hidden = open;
      });
    });
  });
})();
