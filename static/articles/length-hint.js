// A live length hint under the share title and description in the admin: how many
// characters there are, and whether networks and search engines show them in full.
// The texts come translated from the server (data-hint-* attributes on the field).
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? String(values[name]) : match;
    });
  }

  function attach(field) {
    var hint = document.createElement("p");
    hint.className = "help length-hint";
    hint.id = field.id + "_lengthhint";
    hint.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", hint);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + hint.id);

    var best = Number(field.dataset.lengthBest);
    var least = Number(field.dataset.lengthLeast || 0);

    function update() {
      var count = field.value.trim().length;
      var values = { count: count, best: best, least: least, over: count - best };
      var template;
      if (count === 0) {
        template = field.dataset.hintEmpty;
      } else if (count > best) {
        template = field.dataset.hintLong;
      } else if (count < least) {
        template = field.dataset.hintShort;
      } else {
        template = field.dataset.hintGood;
      }
      hint.textContent = fill(template, values);
      hint.classList.toggle("length-hint--warning", count > best || (count > 0 && count < least));
    }

    field.addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-length-best]").forEach(attach);
  });
})();
