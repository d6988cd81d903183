// The focal point of an image in the admin: click the picture and the two percentage
// fields below it are filled in; type in those fields (the keyboard way) and the marker
// on the picture follows. A newly chosen file is shown at once, before it is saved.
(function () {
  "use strict";

  function percent(offset, size) {
    return Math.max(0, Math.min(100, Math.round((offset / size) * 100)));
  }

  function attach(picker) {
    var form = picker.closest("form");
    var fieldX = form && form.elements.namedItem(picker.dataset.focusX);
    var fieldY = form && form.elements.namedItem(picker.dataset.focusY);
    if (!fieldX || !fieldY) {
      return;
    }
    var image = picker.querySelector(".image-preview__image");
    var marker = picker.querySelector(".image-preview__marker");
    var upload = document.getElementById(picker.dataset.input);

    function showMarker() {
      var x = Number(fieldX.value);
      var y = Number(fieldY.value);
      var valid = fieldX.value !== "" && fieldY.value !== "" && x >= 0 && x <= 100 && y >= 0 && y <= 100;
      marker.hidden = !valid;
      if (valid) {
        // CSSOM, not a style attribute: the admin's content security policy allows this.
        marker.style.left = x + "%";
        marker.style.top = y + "%";
      }
    }

    function set(field, value) {
      field.value = String(value);
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }

    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      set(fieldX, percent(event.clientX - box.left, box.width));
      set(fieldY, percent(event.clientY - box.top, box.height));
      showMarker();
    });
    fieldX.addEventListener("input", showMarker);
    fieldY.addEventListener("input", showMarker);

    if (upload) {
      upload.addEventListener("change", function () {
        var file = upload.files && upload.files[0];
        if (!file || !/^image\//.test(file.type)) {
          return;
        }
        var reader = new FileReader();
        reader.addEventListener("load", function () {
          image.src = reader.result;
          picker.hidden = false;
          // A new picture starts with its focal point in the middle.
          set(fieldX, 50);
          set(fieldY, 50);
          showMarker();
        });
        reader.readAsDataURL(file);
      });
    }
    picker.classList.add("image-preview--active");
    showMarker();
  }

  function start() {
    document.querySelectorAll("[data-focal-picker]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
