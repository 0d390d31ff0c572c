document.addEventListener("DOMContentLoaded", function () {
  var b = document.querySelector(".burger"), d = document.getElementById("drawer");
  if (b && d) b.addEventListener("click", function () { var o = b.getAttribute("aria-expanded") === "true"; b.setAttribute("aria-expanded", String(!o)); d.hidden = o; });
  var h = document.querySelector(".hint");
  if (h) { var list = h.getAttribute("data-hints").split("|"), i = 0;
    setInterval(function () { i = (i + 1) % list.length; h.classList.remove("slide"); void h.offsetWidth; h.textContent = list[i]; h.classList.add("slide"); }, 2500); }
});
