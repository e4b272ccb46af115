/* The grid of child units × indicators: Enter and the arrow keys move between cells, a block
   copied from Excel (tab-separated rows) pasted into a cell fills the cells from there. */
(function () {
  "use strict";
  var table = document.getElementById("grid");
  if (!table) return;
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    return Array.prototype.slice.call(tr.querySelectorAll("input.num"));
  });
  function where(el) {
    for (var r = 0; r < rows.length; r++) { var c = rows[r].indexOf(el); if (c >= 0) return [r, c]; }
    return null;
  }
  function go(r, c) {
    if (r < 0 || r >= rows.length || c < 0 || c >= rows[r].length) return;
    rows[r][c].focus();
    rows[r][c].select();
  }
  table.addEventListener("keydown", function (ev) {
    var at = where(ev.target);
    if (!at) return;
    var moves = { Enter: [1, 0], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    var el = ev.target;
    if (ev.key === "ArrowLeft" && el.selectionStart === 0 && el.selectionEnd === 0) moves.ArrowLeft = [0, -1];
    if (ev.key === "ArrowRight" && el.selectionStart === el.value.length) moves.ArrowRight = [0, 1];
    var m = moves[ev.key];
    if (!m) return;
    ev.preventDefault();
    go(at[0] + m[0], at[1] + m[1]);
  });
  table.addEventListener("paste", function (ev) {
    var at = where(ev.target);
    var text = ev.clipboardData && ev.clipboardData.getData("text/plain");
    if (!at || !text || !/[\t\n]/.test(text)) return; // one value: the browser pastes it
    ev.preventDefault();
    var lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    lines.forEach(function (line, i) {
      line.split("\t").forEach(function (value, j) {
        var row = rows[at[0] + i], cell = row && row[at[1] + j];
        if (cell && !cell.readOnly) { cell.value = value.trim(); cell.classList.add("dirty"); }
      });
    });
  });
  table.addEventListener("input", function (ev) { if (ev.target.classList) ev.target.classList.add("dirty"); });
})();
