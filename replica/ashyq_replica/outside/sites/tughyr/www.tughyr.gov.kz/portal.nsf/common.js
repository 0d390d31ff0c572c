// common functions of the portal database (JS library "common")
function checkQuery(f, lang) {
  var q = f.Query.value.replace(/^\s+|\s+$/g, "");
  if (q == "") {
    alert(lang == "kk" ? "Іздеу сөзін енгізіңіз" : "Введите слово для поиска");
    f.Query.focus();
    return false;
  }
  f.Query.value = q;
  return true;
}
