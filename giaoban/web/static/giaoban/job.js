// Poll a background job and move its progress bar until it is done or failed.
(function () {
  var box = document.getElementById("job");
  if (!box) return;
  var url = box.dataset.statusUrl;
  function set(name, text) { var el = box.querySelector('[data-job="' + name + '"]'); if (el) el.textContent = text; }
  function poll() {
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (j) {
      var bar = box.querySelector(".progress"), busy = j.status === "queued" || j.status === "running";
      bar.setAttribute("aria-valuenow", j.percent);
      bar.firstElementChild.style.width = j.percent + "%";
      bar.classList.toggle("busy", busy);
      set("status", j.status_label); set("count", j.done + "/" + j.total); set("message", j.message);
      box.querySelector('[data-job="status"]').className = "job-" + j.status;
      if (j.result_url) { var res = box.querySelector('[data-job="result"]'); res.hidden = false; res.querySelector("a").href = j.result_url; }
      if (busy) setTimeout(poll, 700);
    }).catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
