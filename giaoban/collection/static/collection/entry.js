/* Data-entry page: autosave of what changed, values kept in localStorage while offline and
   saved when the connection returns, Enter moves to the next figure. No library. */
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var url = form.getAttribute("data-autosave");
  var key = form.getAttribute("data-key");
  var versionInput = form.querySelector("input[name=version]");
  var state = document.getElementById("save-state");
  var dirty = {};
  var timer = null, saving = false, stopped = false;

  function say(text, bad) {
    if (!state) return;
    state.textContent = text;
    state.style.color = bad ? "#b3261e" : "";
  }
  function field(name) { return form.elements.namedItem(name); }
  function store() {
    try {
      if (Object.keys(dirty).length) {
        localStorage.setItem(key, JSON.stringify({ version: versionInput.value, values: dirty, at: Date.now() }));
      } else {
        localStorage.removeItem(key);
      }
    } catch (e) { /* storage full or disabled: autosave still works online */ }
  }
  function group(text) {
    // '29774' → '29.774', '1234,5' → '1.234,5'; anything else is left as typed.
    var m = /^(-?)(\d+)(,\d+)?(%?)$/.exec(text.trim());
    if (!m || m[2].length <= 3) return text;
    return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (m[3] || "") + m[4];
  }
  function mark(name, value) {
    dirty[name] = value;
    var el = field(name);
    if (el && el.classList) el.classList.add("dirty");
    store();
  }
  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  }
  function save() {
    if (saving || stopped) return;
    var names = Object.keys(dirty);
    if (!names.length) return;
    if (!navigator.onLine) { say("Đang mất kết nối – số liệu được giữ trên máy này và sẽ tự lưu khi có mạng.", true); return; }
    var sent = {};
    var body = new FormData();
    body.append("csrfmiddlewaretoken", field("csrfmiddlewaretoken").value);
    body.append("version", versionInput.value);
    names.forEach(function (n) { sent[n] = dirty[n]; body.append(n, dirty[n]); });
    saving = true;
    say("Đang lưu…");
    fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.json().then(function (data) { return { status: r.status, data: data }; }); })
      .then(function (res) {
        saving = false;
        var d = res.data;
        if (res.status === 200 && d.ok) {
          versionInput.value = d.version;
          names.forEach(function (n) {
            if (dirty[n] === sent[n]) {
              delete dirty[n];
              var el = field(n);
              if (el && el.classList) el.classList.remove("dirty");
            }
          });
          store();
          var badge = document.getElementById("report-status");
          if (badge && badge.classList.contains("status-missing")) { badge.textContent = "Đang soạn"; badge.className = "status status-draft"; }
          say("Đã tự động lưu lúc " + d.saved_at + ".");
          if (Object.keys(dirty).length) schedule(500);
        } else if (res.status === 409) {
          stopped = true;
          say(d.message + " Số liệu bạn vừa nhập vẫn được giữ trên máy này.", true);
        } else {
          var msgs = d.errors ? Object.keys(d.errors).map(function (k) { return d.errors[k]; }) : [];
          say((d.message || "Chưa lưu được.") + (msgs.length ? " " + msgs.join(" ") : ""), true);
        }
      })
      .catch(function () {
        saving = false;
        store();
        say("Mất kết nối – số liệu được giữ trên máy này và sẽ tự lưu khi có mạng.", true);
      });
  }

  function onEdit(ev) {
    var el = ev.target;
    if (!el.name || el.name === "version" || el.name === "csrfmiddlewaretoken" || el.type === "file") return;
    mark(el.name, el.value);
    schedule(ev.type === "change" ? 300 : 1500);
  }
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("focusout", function (ev) {
    var el = ev.target;
    if (el.classList && el.classList.contains("num") && !el.readOnly) {
      var g = group(el.value);
      if (g !== el.value) { el.value = g; if (dirty[el.name] !== undefined) mark(el.name, g); }
    }
  });
  form.addEventListener("keydown", function (ev) {
    // Enter in a figure moves to the next figure instead of sending the form.
    var el = ev.target;
    if (ev.key !== "Enter" || !el.classList || !el.classList.contains("num")) return;
    ev.preventDefault();
    var nums = Array.prototype.slice.call(form.querySelectorAll("input.num"));
    var next = nums[nums.indexOf(el) + 1];
    if (next) next.focus();
  });
  form.addEventListener("submit", function () { clearTimeout(timer); store(); });
  window.addEventListener("online", function () { stopped = false; save(); });
  window.addEventListener("offline", function () { say("Mất kết nối – số liệu được giữ trên máy này.", true); });

  // Values typed earlier that never reached the server: put them back and save them.
  try {
    var pending = JSON.parse(localStorage.getItem(key) || "null");
    if (pending && pending.values) {
      var left = 0;
      Object.keys(pending.values).forEach(function (n) {
        var el = field(n);
        if (!el || el.value === pending.values[n]) return;
        el.value = pending.values[n];
        dirty[n] = pending.values[n];
        if (el.classList) el.classList.add("dirty");
        left += 1;
      });
      if (left) {
        versionInput.value = pending.version; // the version they were typed against: a conflict stays a conflict
        say("Đã khôi phục " + left + " ô nhập chưa lưu từ lần trước; đang lưu…");
        schedule(200);
      } else {
        localStorage.removeItem(key);
      }
    }
  } catch (e) { /* ignore a damaged entry */ }
})();
