// "Kopieer link": copy the article's address instead of following the link.
// Progressive enhancement: without JavaScript (or clipboard access) it stays a plain link.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-link]").forEach(function (link) {
    if (!navigator.clipboard) {
      return;
    }
    var status = link.closest(".share").querySelector("[data-copy-status]");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(
        function () {
          status.textContent = link.dataset.copied;
        },
        function () {
          status.textContent = link.dataset.copyFailed;
        }
      );
    });
  });
})();
