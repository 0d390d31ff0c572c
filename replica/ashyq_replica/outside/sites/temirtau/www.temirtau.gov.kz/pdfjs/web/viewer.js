(function () {
  var params = new URLSearchParams(location.search);
  var file = params.get("file");
  var viewer = document.getElementById("viewer");
  if (!file || file.indexOf("/uploads/") !== 0) { viewer.textContent = "Missing PDF file."; return; }
  var e = document.createElement("embed"); e.src = file; e.type = "application/pdf"; viewer.appendChild(e);
  document.getElementById("download").onclick = function () { location.href = file; };
  document.getElementById("print").onclick = function () { window.print(); };
})();
