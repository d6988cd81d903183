// The order of the speakers in the article admin: drag a row by its handle, or use the
// "Omhoog" and "Omlaag" buttons (keyboard). Both renumber the order fields, which stay
// the way to set the order without this script. Texts come translated from the server
// (data-text-* attributes on the wrapper, see admin/articles/article/change_form.html).
(function () {
  "use strict";

  function start(wrapper) {
    var prefix = wrapper.dataset.prefix;
    var tbody = wrapper.querySelector("tbody");
    if (!tbody) {
      return;
    }
    var status = document.createElement("p");
    status.className = "speaker-order__status";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    function rows() {
      return Array.prototype.filter.call(tbody.children, function (row) {
        return row.classList.contains("form-row") && !row.classList.contains("empty-form");
      });
    }

    function field(row, name) {
      return row.querySelector('[name^="' + prefix + '-"][name$="-' + name + '"]');
    }

    function isFilled(row) {
      var speaker = field(row, "speaker");
      return row.classList.contains("has_original") || (speaker && speaker.value !== "");
    }

    function speakerName(row) {
      var speaker = field(row, "speaker");
      var option = speaker && speaker.selectedOptions && speaker.selectedOptions[0];
      return option && option.value ? option.text : wrapper.dataset.textUnnamed;
    }

    // Only rows with a speaker get a number: a changed number would make an empty extra
    // row count as filled in, and the form would ask for its speaker.
    function renumber() {
      var position = 1;
      rows().forEach(function (row) {
        var input = field(row, "position");
        if (input && isFilled(row)) {
          input.value = String(position);
          position += 1;
        }
      });
    }

    // A row moves together with the row of errors Django puts above it.
    function moveBefore(row, reference) {
      var errors = row.previousElementSibling;
      tbody.insertBefore(row, reference);
      if (errors && errors.classList.contains("row-form-errors")) {
        tbody.insertBefore(errors, row);
      }
    }

    function announce(row) {
      renumber();
      var position = rows().filter(isFilled).indexOf(row) + 1;
      if (position > 0) {
        status.textContent = wrapper.dataset.textMoved
          .replace("{name}", speakerName(row))
          .replace("{position}", String(position));
      }
    }

    function move(row, step) {
      var all = rows();
      var index = all.indexOf(row);
      var target = all[index + step];
      if (!target) {
        return;
      }
      moveBefore(row, step < 0 ? firstOf(target) : target.nextElementSibling);
      announce(row);
    }

    function firstOf(row) {
      var errors = row.previousElementSibling;
      return errors && errors.classList.contains("row-form-errors") ? errors : row;
    }

    function button(text, className, label) {
      var element = document.createElement("button");
      element.type = "button";
      element.className = "speaker-order__button " + className;
      element.textContent = text;
      element.title = label;
      element.setAttribute("aria-label", label);
      return element;
    }

    var dragged = null;

    function decorate(row) {
      var cell = row.querySelector("td.field-position");
      if (!cell || cell.querySelector(".speaker-order__controls")) {
        return;
      }
      var controls = document.createElement("span");
      controls.className = "speaker-order__controls";
      var handle = button("⠿", "speaker-order__handle", wrapper.dataset.textHandle);
      // The handle is for the mouse; the buttons next to it do the same by keyboard.
      handle.tabIndex = -1;
      var up = button("↑", "speaker-order__up", wrapper.dataset.textUp);
      var down = button("↓", "speaker-order__down", wrapper.dataset.textDown);
      up.addEventListener("click", function () {
        move(row, -1);
        up.focus();
      });
      down.addEventListener("click", function () {
        move(row, 1);
        down.focus();
      });
      handle.addEventListener("pointerdown", function () {
        row.draggable = true;
      });
      row.addEventListener("dragstart", function (event) {
        dragged = row;
        row.classList.add("speaker-order--dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", speakerName(row));
      });
      row.addEventListener("dragend", function () {
        row.draggable = false;
        row.classList.remove("speaker-order--dragging");
        if (dragged) {
          announce(dragged);
        }
        dragged = null;
      });
      controls.append(handle, up, down);
      cell.appendChild(controls);
    }

    tbody.addEventListener("dragover", function (event) {
      if (!dragged) {
        return;
      }
      event.preventDefault();
      var target = event.target.closest("tr.form-row");
      if (!target || target === dragged || target.classList.contains("empty-form")) {
        return;
      }
      var box = target.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      moveBefore(dragged, after ? target.nextElementSibling : firstOf(target));
    });
    tbody.addEventListener("drop", function (event) {
      if (dragged) {
        event.preventDefault();
      }
    });

    rows().forEach(decorate);
    document.addEventListener("formset:added", function (event) {
      if (event.detail && event.detail.formsetName === prefix) {
        decorate(event.target);
      }
    });
    wrapper.classList.add("speaker-order--active");
  }

  function init() {
    document.querySelectorAll("[data-speaker-order]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
