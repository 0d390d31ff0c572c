// the running line: the checkbox «Жүгіртпені тоқтату» / «Остановить бегущую строку» pauses it
var stop = document.getElementById('stop');
if (stop) stop.addEventListener('change', function () { document.querySelector('.tick .line span').style.animationPlayState = stop.checked ? 'paused' : 'running'; });
