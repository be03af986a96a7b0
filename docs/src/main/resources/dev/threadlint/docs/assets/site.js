// The catalogue's search and filters. Everything it needs is in the page (data-* attributes),
// so it works from file:// with no request.
(function () {
  "use strict";
  var search = document.getElementById("search");
  if (!search) {
    return;
  }
  var filters = { family: "", framework: "", severity: "" };
  var families = Array.prototype.slice.call(document.querySelectorAll(".family"));
  var count = document.getElementById("result-count");
  var empty = document.getElementById("no-results");

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function matches(text, terms) {
    return terms.every(function (t) { return text.indexOf(t) >= 0; });
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function apply() {
    var terms = words(search.value);
    var filtering = terms.length > 0 || filters.framework !== "" || filters.severity !== "";
    var shownChecks = 0;
    var shownExamples = 0;
    families.forEach(function (family) {
      var familyOk = filters.family === "" || filters.family === family.getAttribute("data-family");
      if (family.hasAttribute("data-coming")) {
        family.hidden = !familyOk || filtering;
        return;
      }
      var visibleCards = 0;
      family.querySelectorAll(".check-card").forEach(function (card) {
        var cardOk = familyOk && (filters.severity === "" || filters.severity === card.getAttribute("data-severity"));
        var cardText = card.getAttribute("data-text");
        var items = Array.prototype.slice.call(card.querySelectorAll(".example-item"));
        // Examples that match on their own win; otherwise the check's words count for all of them.
        var own = items.map(function (item) { return matches(item.getAttribute("data-text"), terms); });
        var anyOwn = terms.length > 0 && own.some(function (hit) { return hit; });
        var visibleExamples = 0;
        items.forEach(function (item, i) {
          var fwOk = filters.framework === "" || item.getAttribute("data-frameworks").indexOf("|" + filters.framework + "|") >= 0;
          var textOk = anyOwn ? own[i] : matches(item.getAttribute("data-text") + " " + cardText, terms);
          var show = cardOk && fwOk && textOk;
          item.hidden = !show;
          if (show) {
            visibleExamples++;
          }
        });
        var show = cardOk && visibleExamples > 0;
        card.hidden = !show;
        if (show) {
          visibleCards++;
          shownChecks++;
          shownExamples += visibleExamples;
        }
      });
      family.hidden = visibleCards === 0;
    });
    count.textContent = plural(shownChecks, "check", "checks") + " · " + plural(shownExamples, "example", "examples")
      + (filtering || filters.family !== "" ? " match" : "");
    empty.hidden = shownChecks > 0 || (!filtering && document.querySelector(".family:not([hidden])") !== null);
  }

  document.querySelectorAll(".filter-group").forEach(function (group) {
    var name = group.getAttribute("data-filter");
    group.addEventListener("click", function (event) {
      var chip = event.target.closest(".chip");
      if (!chip) {
        return;
      }
      filters[name] = chip.getAttribute("data-value");
      group.querySelectorAll(".chip").forEach(function (c) {
        c.setAttribute("aria-pressed", c === chip ? "true" : "false");
      });
      apply();
    });
  });

  search.addEventListener("input", apply);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      search.value = "";
      apply();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== search) {
      event.preventDefault();
      search.focus();
    }
  });
  document.getElementById("clear-filters").addEventListener("click", function () {
    search.value = "";
    Object.keys(filters).forEach(function (k) { filters[k] = ""; });
    document.querySelectorAll(".filter-group .chip").forEach(function (c) {
      c.setAttribute("aria-pressed", c.getAttribute("data-value") === "" ? "true" : "false");
    });
    apply();
    search.focus();
  });
  apply();
})();
