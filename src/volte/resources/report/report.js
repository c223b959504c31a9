// Filter the statements table as you type; everything else on the page works without script.
(function () {
  "use strict";
  var input = document.getElementById("filter");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#statements tbody tr"));
  var count = document.getElementById("shown");
  if (!input || !count) { return; }
  function apply() {
    var needle = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var match = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;
      row.classList.toggle("hidden", !match);
      if (match) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  input.addEventListener("input", apply);
  apply();
})();
