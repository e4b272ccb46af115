// Review page: ticking a figure recolours its mark in the text; a mark leads to its figure.
(function () {
  var form = document.getElementById("review-form");
  if (!form) return;
  var labels = { on: "sẽ nhận", off: "chưa chọn", other: "tổ chức khác", target: "chỉ tiêu/kế hoạch",
                 accepted: "đã nhận", rejected: "không nhận" };
  var states = ["on", "off", "other", "target", "accepted", "rejected"];
  function setState(el, state) {
    if (!el) return;
    states.forEach(function (s) { el.classList.remove("st-" + s); });
    el.classList.add("st-" + state);
  }
  function count() {
    var boxes = form.querySelectorAll("input[type=checkbox][name$='-accept']");
    var n = 0; boxes.forEach(function (b) { if (b.checked) n++; });
    var out = document.getElementById("ticked-count");
    if (out) out.textContent = "Đang chọn " + n + "/" + boxes.length + " số liệu.";
  }
  form.addEventListener("change", function (ev) {
    var box = ev.target;
    // Choosing an indicator for a figure means taking it: tick its 'Nhận' (an unmapped figure
    // given an indicator was silently left out when the box stayed empty).
    if (box.name && /-indicator$/.test(box.name) && box.value) {
      var accept = document.getElementById(box.name.replace(/-indicator$/, "-accept"));
      if (accept && !accept.checked && !accept.disabled) {
        accept.checked = true;
        accept.dispatchEvent(new Event("change", { bubbles: true }));
      }
      return;
    }
    if (!box.name || !/-accept$/.test(box.name)) return;
    var item = box.closest(".ex-fig");
    var i = item.dataset.i;
    var other = item.dataset.other === "1";
    var target = item.dataset.target === "1";
    var state = box.checked ? "on" : (target ? "target" : (other ? "other" : "off"));
    setState(item, state);
    setState(document.getElementById("m" + i), state);
    var tag = item.querySelector("[data-state-label]");
    if (tag) tag.textContent = labels[state];
    count();
  });
  // Following a mark moves the focus to its checkbox, so the keyboard user can decide at once.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("mark.fig a");
    if (!link) return;
    var i = link.parentElement.dataset.i;
    var box = document.getElementById("f" + i + "-accept");
    if (box) { ev.preventDefault(); box.closest(".ex-fig").scrollIntoView({ block: "center" }); box.focus(); }
  });
  // Focus in a figure's fields outlines its mark in the text.
  form.addEventListener("focusin", function (ev) {
    var item = ev.target.closest(".ex-fig");
    document.querySelectorAll(".ex-current").forEach(function (el) { el.classList.remove("ex-current"); });
    if (!item) return;
    var mark = document.getElementById("m" + item.dataset.i);
    if (mark) mark.classList.add("ex-current");
  });
})();
