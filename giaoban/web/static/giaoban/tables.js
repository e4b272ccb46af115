// Tables marked data-sortable sort by a click (or Enter) on a column header; tables marked
// data-filter get a search box that hides the rows not containing the typed text.
// Numbers are compared in Vietnamese format (29.774 is twenty-nine thousand; 1,5 is 1.5).
(function () {
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }
  function numberOf(text) {
    var t = text.replace(/[%\s]|đồng|tỷ|triệu/g, "");
    if (!/^-?[\d.]+(,\d+)?$/.test(t)) return null;
    return parseFloat(t.replace(/\./g, "").replace(",", "."));
  }
  // "dd/mm/yyyy" or "HH:MM dd/mm/yyyy" -> a sortable number (dates as people read them here).
  function dateOf(text) {
    var m = /^(?:(\d{1,2}):(\d{2})\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
    if (!m) return null;
    var h = m[1] || m[6] || "0", mi = m[2] || m[7] || "0";
    return ((+m[5] * 100 + +m[4]) * 100 + +m[3]) * 10000 + +h * 100 + +mi;
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = (a.cells[index] || {}).textContent || "", y = (b.cells[index] || {}).textContent || "";
      var nx = numberOf(x.trim()), ny = numberOf(y.trim()), r;
      var dx = dateOf(x.trim()), dy = dateOf(y.trim());
      if (dx !== null && dy !== null) r = dx - dy;
      else if (nx !== null && ny !== null) r = nx - ny; else r = fold(x).localeCompare(fold(y), "vi");
      return ascending ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    if (!table.tHead) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.classList.add("sortable");
      th.title = "Bấm để sắp xếp";
      th.addEventListener("click", function () { sortBy(table, index, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, index, th); } });
    });
  });
  document.querySelectorAll("table[data-filter]").forEach(function (table) {
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Lọc bảng…";
    input.setAttribute("aria-label", "Lọc các dòng của bảng");
    input.className = "table-filter";
    table.parentNode.insertBefore(input, table);
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = q !== "" && fold(row.textContent).indexOf(q) === -1;
      });
    });
  });
})();
