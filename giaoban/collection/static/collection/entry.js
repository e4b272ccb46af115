/* Data-entry page: autosave of what changed, values kept in localStorage while offline and
   saved when the connection returns, Enter moves to the next figure. No library.

   Every save says what the page read for each field it sends ('was-<field>'), so the server
   can tell the officer's own change from someone else's: a field only she changed is saved
   whatever the report's version, a field both changed comes back as a conflict, shown with
   both values until she keeps one. The copy in localStorage is keyed by report and version
   ('giaoban:unit:period:vN'); a copy of an older version is sent the same way on the next
   visit, never with its old version, so it cannot resurrect anything. */
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var url = form.getAttribute("data-autosave");
  var checkUrl = form.getAttribute("data-check");
  var prefix = form.getAttribute("data-key");
  var versionInput = form.querySelector("input[name=version]");
  var state = document.getElementById("save-state");
  var dirty = {};  // name → value to send
  var was = {};    // name → what the page read before the officer changed it
  var held = {};   // name → {label, mine, theirs}: a conflict waiting for her choice
  var timer = null, saving = false, checkTimer = null, checkSeq = 0;

  function say(text, bad) {
    if (!state) return;
    state.textContent = text;
    state.style.color = bad ? "#b3261e" : "";
  }
  function field(name) { return form.elements.namedItem(name); }
  function editable(el) {
    return el && el.name && el.name !== "version" && el.name !== "csrfmiddlewaretoken" && el.type !== "file"
      && el.type !== "hidden" && el.type !== "submit" && el.name.indexOf("was-") !== 0;
  }
  function savedValue(el) {
    if (el.tagName === "SELECT") {
      for (var i = 0; i < el.options.length; i++) if (el.options[i].defaultSelected) return el.options[i].value;
      return el.options.length ? el.options[0].value : "";
    }
    return el.defaultValue;
  }
  function setSaved(el, value) {
    if (el.tagName === "SELECT") {
      for (var i = 0; i < el.options.length; i++) el.options[i].defaultSelected = el.options[i].value === value;
    } else {
      el.defaultValue = value;
    }
  }
  function key(version) { return prefix + ":v" + version; }
  function ownKeys() {
    var keys = [];
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      if (k === prefix || k.indexOf(prefix + ":v") === 0) keys.push(k);
    }
    return keys;
  }
  function store() {
    try {
      var values = {}, bases = {};
      Object.keys(held).forEach(function (n) { values[n] = held[n].mine; bases[n] = held[n].was; });
      Object.keys(dirty).forEach(function (n) { values[n] = dirty[n]; bases[n] = was[n]; });
      ownKeys().forEach(function (k) { localStorage.removeItem(k); });
      if (Object.keys(values).length) {
        localStorage.setItem(key(versionInput.value), JSON.stringify({ version: versionInput.value, values: values, was: bases, at: Date.now() }));
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
    var el = field(name);
    if (!(name in dirty)) was[name] = el ? savedValue(el) : "";
    dirty[name] = value;
    if (el && el.classList) el.classList.add("dirty");
    store();
  }
  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  }
  function settled(name, value) {
    // the server holds `value` for this field now
    var el = field(name);
    delete dirty[name];
    delete was[name];
    if (el) {
      if (el.value !== value && document.activeElement !== el) el.value = value;
      setSaved(el, value);
      if (el.classList) el.classList.remove("dirty");
    }
  }

  // ------------------------------------------------------------------ conflicts, side by side
  function conflictBox() {
    var box = document.getElementById("conflicts");
    if (box) return box;
    box = document.createElement("section");
    box.id = "conflicts";
    box.className = "card conflict";
    box.setAttribute("role", "alert");
    box.innerHTML = '<h2>Ô vừa được người khác sửa</h2><p>Bạn và một người khác cùng sửa các ô dưới đây. ' +
      'Chọn số giữ lại cho từng ô; các ô khác đã được lưu.</p>' +
      '<table><thead><tr><th scope="col">Ô</th><th scope="col">Bạn nhập</th><th scope="col">Đã lưu</th><th scope="col"></th></tr></thead><tbody></tbody></table>';
    form.insertBefore(box, versionInput.nextSibling);
    return box;
  }
  function showConflict(c) {
    held[c.name] = { label: c.label, mine: c.mine, theirs: c.theirs, was: c.theirs };
    delete dirty[c.name];
    var body = conflictBox().querySelector("tbody");
    var old = body.querySelector('tr[data-name="' + c.name + '"]');
    if (old) old.remove();
    var tr = document.createElement("tr");
    tr.setAttribute("data-name", c.name);
    function cell(text, cls) { var td = document.createElement("td"); td.textContent = text === "" ? "(trống)" : text; if (cls) td.className = cls; tr.appendChild(td); }
    cell(c.label);
    cell(c.mine, "mine");
    cell(c.theirs, "theirs");
    var td = document.createElement("td");
    td.innerHTML = '<button type="button" data-keep="mine">Giữ số của tôi</button> <button type="button" data-keep="theirs">Lấy số đã lưu</button>';
    tr.appendChild(td);
    body.appendChild(tr);
    var el = field(c.name);
    if (el && el.classList) el.classList.add("in-conflict");
    store();
  }
  function resolve(name, keep) {
    var c = held[name];
    if (!c) return;
    delete held[name];
    var el = field(name);
    if (el) {
      setSaved(el, c.theirs);
      if (el.classList) el.classList.remove("in-conflict");
    }
    if (keep === "mine") {
      if (el) el.value = c.mine;
      mark(name, c.mine); // was = what is saved now: the server takes it
      schedule(100);
    } else {
      settled(name, c.theirs);
      if (el) el.value = c.theirs;
      store();
    }
    var box = document.getElementById("conflicts");
    var row = box && box.querySelector('tr[data-name="' + name + '"]');
    if (row) row.remove();
    if (box && !box.querySelector("tbody tr")) box.remove();
    var banner = document.getElementById("conflict");
    if (banner && !Object.keys(held).length) banner.remove();
  }
  form.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("button[data-keep]");
    if (!b) return;
    ev.preventDefault();
    resolve(b.closest("tr").getAttribute("data-name"), b.getAttribute("data-keep"));
  });

  // ------------------------------------------------------------------ checked while typing
  // The server reads the typed figures with the one parser the save uses and answers what
  // each reads as ('= 65.200.000.000 đồng') or why it cannot be read, and the flags of every
  // figure with the typed ones in place. Nothing is saved by a check.
  function fieldBox(code) { var el = field("v-" + code); return el && el.closest ? el.closest(".field") : null; }
  function showCheck(d) {
    Object.keys(d.fields || {}).forEach(function (name) {
      var code = name.slice(2), f = d.fields[name], out = document.getElementById("chk-" + code), box = fieldBox(code);
      if (out) out.textContent = f.error || f.shown;
      if (box) box.classList.toggle("has-error", !!f.error);
    });
    Object.keys(d.flags || {}).forEach(function (code) {
      var list = d.flags[code], err = document.getElementById("err-" + code), box = fieldBox(code);
      var unreadable = d.fields && d.fields["v-" + code] && d.fields["v-" + code].error;
      if (!err || unreadable) return;
      err.textContent = list.map(function (i) { return i.message + (i.severity === "warning" && !i.resolved ? " (ghi chú lý do ở ô Ghi chú)" : ""); }).join(" ");
      err.hidden = !list.length;
      if (box) {
        box.classList.toggle("has-warning", list.some(function (i) { return i.severity === "warning"; }));
        box.classList.toggle("has-flag-error", list.some(function (i) { return i.severity === "error"; }));
      }
    });
  }
  function check(name) {
    if (!checkUrl) return;
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll("input.num"), function (el) {
      if (el.name === name || el.value !== savedValue(el)) params.append(el.name, el.value);
    });
    Array.prototype.forEach.call(form.querySelectorAll("input.comment"), function (el) {
      if (el.value !== savedValue(el)) params.append(el.name, el.value);
    });
    var seq = ++checkSeq;
    fetch(checkUrl + "?" + params.toString(), { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d && seq === checkSeq) showCheck(d); })
      .catch(function () { /* offline: the save will say it */ });
  }
  function scheduleCheck(name) {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(function () { check(name); }, 250);
  }

  // ------------------------------------------------------------------ saving
  function save() {
    if (saving) return;
    var names = Object.keys(dirty);
    if (!names.length) return;
    if (!navigator.onLine) { say("Đang mất kết nối – số liệu được giữ trên máy này và sẽ tự lưu khi có mạng.", true); return; }
    var sent = {};
    var body = new FormData();
    body.append("csrfmiddlewaretoken", field("csrfmiddlewaretoken").value);
    body.append("version", versionInput.value);
    names.forEach(function (n) {
      sent[n] = dirty[n];
      body.append(n, dirty[n]);
      body.append("was-" + n, was[n] === undefined ? "" : was[n]);
    });
    saving = true;
    say("Đang lưu…");
    fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.json().then(function (data) { return { status: r.status, data: data }; }); })
      .then(function (res) {
        saving = false;
        var d = res.data;
        if (d.version) versionInput.value = d.version;
        if (res.status === 200 || (res.status === 409 && d.conflicts) || (res.status === 400 && d.version)) {
          var clashing = {};
          (d.conflicts || []).forEach(function (c) { clashing[c.name] = true; });
          // a figure that cannot be read is not saved: it stays in the field, marked, and goes
          // again when she corrects it
          Object.keys(d.errors || {}).forEach(function (code) {
            clashing["v-" + code] = true;
            delete dirty["v-" + code];
            var out = document.getElementById("chk-" + code), box = fieldBox(code);
            if (out) out.textContent = d.errors[code];
            if (box) box.classList.add("has-error");
          });
          var shown = d.fields || {};
          names.forEach(function (n) { if (!clashing[n] && dirty[n] === sent[n]) settled(n, n in shown ? shown[n] : sent[n]); });
          (d.conflicts || []).forEach(showConflict);
          store();
          var badge = document.getElementById("report-status");
          if (badge && badge.classList.contains("status-missing")) { badge.textContent = "Đang soạn"; badge.className = "status status-draft"; }
          if (res.status === 200) say("Đã tự động lưu lúc " + d.saved_at + ".");
          else say(d.message, true);
          if (d.issues) check("");
          if (Object.keys(dirty).length) schedule(500);
        } else if (res.status === 409) {
          // someone saved between the server's reading and writing: try again on the new version
          schedule(1000);
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

  // 'đã nhập 3/5' on each section and in total follow what is typed
  function recount() {
    var all = 0;
    Array.prototype.forEach.call(form.querySelectorAll("details.section"), function (sec) {
      var n = 0;
      Array.prototype.forEach.call(sec.querySelectorAll("input.num"), function (el) { if (el.value.trim()) n += 1; });
      var out = sec.querySelector(".filled-n");
      if (out) out.textContent = n;
      all += n;
    });
    var total = document.querySelector("#filled-total b");
    if (total) total.textContent = all;
  }

  function onEdit(ev) {
    var el = ev.target;
    if (!editable(el)) return;
    if (held[el.name]) return; // waiting for the choice in the conflict box
    mark(el.name, el.value);
    schedule(ev.type === "change" ? 300 : 1500);
    if (el.classList && (el.classList.contains("num") || el.classList.contains("comment"))) scheduleCheck(el.name);
    if (el.classList && el.classList.contains("num")) recount();
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
    if (!next) return;
    var sec = next.closest("details");
    if (sec && !sec.open) sec.open = true; // the next figure may be in a folded section
    next.focus();
  });
  // a link to a field (the lists at the top) opens its folded section
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest('a[href^="#v-"]');
    var el = a && document.getElementById(a.getAttribute("href").slice(1));
    var sec = el && el.closest("details");
    if (sec) sec.open = true;
  });
  form.addEventListener("submit", function () {
    clearTimeout(timer);
    // the whole form goes: say what the page read for each field, so only her changes count
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!editable(el)) return;
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "was-" + el.name;
      hidden.value = held[el.name] ? held[el.name].was : (el.name in was ? was[el.name] : savedValue(el));
      form.appendChild(hidden);
      if (el.value !== savedValue(el) && !(el.name in dirty) && !held[el.name]) { was[el.name] = savedValue(el); dirty[el.name] = el.value; }
    });
    store();
  });
  window.addEventListener("online", function () { save(); });
  window.addEventListener("offline", function () { say("Mất kết nối – số liệu được giữ trên máy này.", true); });

  // Conflicts the server found when the whole form was sent: the inputs hold her figures.
  Array.prototype.forEach.call(document.querySelectorAll("#conflicts tr[data-name]"), function (tr) {
    var name = tr.getAttribute("data-name");
    held[name] = { label: tr.getAttribute("data-label"), mine: tr.getAttribute("data-mine"),
                   theirs: tr.getAttribute("data-theirs"), was: tr.getAttribute("data-theirs") };
    var el = field(name);
    if (el && el.classList) el.classList.add("in-conflict");
  });

  // Values typed earlier that never reached the server. Typed against this version: put back
  // and saved. Typed against an older one: sent with what they were typed over, so the server
  // saves what nobody else changed and shows the rest side by side; the fields show what is
  // saved until then.
  try {
    var restored = 0, older = 0;
    ownKeys().forEach(function (k) {
      var pending = JSON.parse(localStorage.getItem(k) || "null");
      if (!pending || !pending.values) return;
      var current = String(pending.version) === String(versionInput.value);
      Object.keys(pending.values).forEach(function (n) {
        var el = field(n);
        if (!el || held[n] || n in dirty) return;
        var value = pending.values[n];
        if (current && el.value === value) return;
        was[n] = pending.was && n in pending.was ? pending.was[n] : (current ? savedValue(el) : "");
        dirty[n] = value;
        if (current) { el.value = value; if (el.classList) el.classList.add("dirty"); restored += 1; } else { older += 1; }
      });
    });
    store();
    if (restored || older) {
      say("Đã khôi phục " + (restored + older) + " ô nhập chưa lưu từ lần trước; đang lưu…");
      schedule(200);
    }
  } catch (e) { /* ignore a damaged entry */ }
})();
