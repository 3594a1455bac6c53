// leads report: optional enhancements. Every page works without this script.
(function () {
  "use strict";

  function filtering() {
    var form = document.getElementById("filter");
    if (!form) return;
    form.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
    var counter = form.querySelector("[data-filter-count]");

    function value(name) {
      var field = form.querySelector('[data-filter="' + name + '"]');
      return field ? field.value.trim().toLowerCase() : "";
    }

    function apply() {
      var text = value("search"), stage = value("stage"), temperature = value("temperature");
      var owner = value("owner"), tag = value("tag");
      var shown = 0;
      items.forEach(function (item) {
        var data = item.dataset;
        var match = (!text || data.search.indexOf(text) !== -1) &&
          (!stage || data.stage === stage) &&
          (!temperature || data.temperature === temperature) &&
          (!owner || data.owner === owner) &&
          (!tag || data.tags.indexOf("|" + tag + "|") !== -1);
        var row = item.closest("li, tr") || item;
        row.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll("[data-column]").forEach(function (column) {
        var count = column.querySelector(".count");
        if (count) count.textContent = column.querySelectorAll("li:not([hidden]) [data-search]").length;
      });
      if (counter) counter.textContent = shown + " of " + items.length + " shown";
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function sorting() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var headers = table.querySelectorAll("thead th");
      headers.forEach(function (header, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.textContent = header.textContent;
        header.textContent = "";
        header.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = header.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
            var order = x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  filtering();
  sorting();
})();
