// leads report: optional enhancements. Every page works without this script.
(function () {
  "use strict";

  // Filters are kept in the address (`leads.html?stage=lost&owner=sam`), so a filtered view can be
  // bookmarked and linked to; where a page opened from disk may not change its query, the fragment
  // keeps them instead.
  function savedFilters() {
    var text = location.search.length > 1 ? location.search.slice(1) : location.hash.slice(1);
    var saved = {};
    text.split("&").forEach(function (pair) {
      var parts = pair.split("=");
      if (parts[0]) saved[decodeURIComponent(parts[0])] = decodeURIComponent((parts[1] || "").replace(/\+/g, " "));
    });
    return saved;
  }

  function saveFilters(values) {
    var pairs = Object.keys(values).filter(function (key) { return values[key]; }).map(function (key) {
      return encodeURIComponent(key) + "=" + encodeURIComponent(values[key]);
    });
    var query = pairs.length ? "?" + pairs.join("&") : "";
    try {
      history.replaceState(null, "", location.pathname + query);
    } catch (error) {
      history.replaceState(null, "", location.pathname + location.search + (pairs.length ? "#" + pairs.join("&") : ""));
    }
  }

  function filtering() {
    var form = document.getElementById("filter");
    if (!form) return;
    form.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
    var counter = form.querySelector("[data-filter-count]");
    var fields = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var saved = savedFilters();
    fields.forEach(function (field) {
      var value = saved[field.dataset.filter];
      if (value) field.value = value;
    });

    function value(name) {
      var field = form.querySelector('[data-filter="' + name + '"]');
      return field ? field.value.trim().toLowerCase() : "";
    }

    function apply() {
      var text = value("search"), stage = value("stage"), temperature = value("temperature");
      var owner = value("owner"), tag = value("tag"), outcome = value("outcome");
      var from = value("from"), to = value("to");
      var shown = 0;
      items.forEach(function (item) {
        var data = item.dataset, created = data.created || "";
        var match = (!text || data.search.indexOf(text) !== -1) &&
          (!stage || data.stage === stage) &&
          (!temperature || data.temperature === temperature) &&
          (!owner || data.owner === owner) &&
          (!tag || data.tags.indexOf("|" + tag + "|") !== -1) &&
          (!outcome || data.outcome === outcome) &&
          (!from || (created && created >= from)) &&
          (!to || (created && created <= to));
        var row = item.closest("li, tr") || item;
        row.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll("[data-column]").forEach(function (column) {
        var count = column.querySelector(".count");
        if (count) count.textContent = column.querySelectorAll("li:not([hidden]) [data-search]").length;
      });
      if (counter) counter.textContent = shown + " of " + items.length + " shown";
      var values = {};
      fields.forEach(function (field) { values[field.dataset.filter] = field.value.trim(); });
      saveFilters(values);
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
          // A cell's data-sort holds its value (a date as YYYY-MM-DD, a stage's place in its
          // pipeline, HOT before COLD); the words shown sort only where there is none. Empty
          // values go last either way.
          function key(row) {
            var cell = row.cells[column];
            return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
          }
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            if (!x || !y) return x ? -1 : (y ? 1 : 0);
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
