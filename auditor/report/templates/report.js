(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var groups = document.querySelectorAll("section.group");
  function checkedValues(name) {
    var out = {};
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      out[box.value] = box.checked;
    });
    return out;
  }
  function apply() {
    var severity = checkedValues("severity");
    var source = checkedValues("source");
    document.querySelectorAll("[data-severity]").forEach(function (el) {
      var keys = (el.getAttribute("data-sources") || "").split(" ");
      var anySource = keys.some(function (key) { return source[key]; });
      var states = el.getAttribute("data-severity").split(" ");
      var anyState = states.some(function (state) { return severity[state]; });
      el.hidden = !(anyState && anySource);
    });
    document.querySelectorAll("tr[data-source]").forEach(function (row) {
      row.hidden = !source[row.getAttribute("data-source")];
    });
    var shown = 0;
    groups.forEach(function (g) { if (!g.hidden) { shown += 1; } });
    document.getElementById("filter-count").textContent = shown + " of " + groups.length + " groups shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
})();
