/* Reader comments: progressive enhancement of a form that works fully without JavaScript.
 *
 * - a live character counter for the comment;
 * - "reply" links fill in the hidden reply field instead of reloading the page;
 * - the form is sent in the background: "Even geduld a.u.b." while waiting, then the
 *   confirmation; on a network error or a database outage (503) the text stays in the
 *   form and a button offers to send it again (the same form: it is never stored twice).
 *
 * All texts come from data-msg-* attributes, translated by the server.
 * Loaded as a static file: the site's Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var ANNOUNCE_DELAY = 1200;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function container(element) {
    return element.closest("[data-comment-form-container]");
  }

  function message(element, name) {
    var box = container(element);
    return (box && box.getAttribute("data-msg-" + name)) || "";
  }

  function setStatus(box, text, kind) {
    var status = box.querySelector("[data-status]");
    if (!status) {
      return;
    }
    status.textContent = "";
    if (!text) {
      return;
    }
    var paragraph = document.createElement("p");
    paragraph.className = "notice" + (kind ? " notice--" + kind : "");
    paragraph.textContent = text;
    status.appendChild(paragraph);
  }

  // The message, and a button that sends the form again: the reader's text is still in it.
  function offerToSendAgain(box, form, text) {
    setStatus(box, text, "error");
    var status = box.querySelector("[data-status]");
    if (!status) {
      return;
    }
    var again = document.createElement("button");
    again.type = "button";
    again.className = "button";
    again.setAttribute("data-send-again", "");
    again.textContent = message(form, "send-again");
    again.addEventListener("click", function () {
      send(form);
    });
    status.appendChild(again);
  }

  /* ---------- Character counter ---------- */

  // Count as the server does: line breaks as one character, characters not UTF-16 units.
  function length(text) {
    return Array.from(text.replace(/\r\n/g, "\n")).length;
  }

  function setUpCounter(form) {
    form.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute("data-counter-for"));
      var limit = parseInt(counter.getAttribute("data-limit"), 10);
      if (!field || !limit) {
        return;
      }
      // Screen readers hear the count once the reader pauses, not on every key.
      var live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "polite");
      counter.after(live);
      var timer = null;

      function update(announce) {
        var left = limit - length(field.value);
        var text = left >= 0
          ? format(message(form, "remaining"), { count: left })
          : format(message(form, "over"), { count: -left });
        counter.textContent = text;
        counter.classList.toggle("comment-form__counter--over", left < 0);
        counter.hidden = false;
        window.clearTimeout(timer);
        if (announce) {
          timer = window.setTimeout(function () {
            live.textContent = text;
          }, ANNOUNCE_DELAY);
        }
      }

      field.addEventListener("input", function () {
        update(true);
      });
      update(false);
    });
  }

  /* ---------- Reply to a comment ---------- */

  // "{name}" in a message becomes a <bdi>, so a name's direction cannot spill over.
  function showIsolatedName(element, template, name) {
    var parts = template.split("{name}");
    var isolated = document.createElement("bdi");
    isolated.textContent = name;
    element.textContent = parts[0];
    element.appendChild(isolated);
    element.appendChild(document.createTextNode(parts.slice(1).join("{name}")));
  }

  function replyTo(link) {
    var form = document.querySelector("[data-comment-form]");
    if (!form) {
      return false;
    }
    var parent = form.querySelector("[data-parent-field]");
    var replying = form.querySelector("[data-replying]");
    var text = form.querySelector("[data-replying-text]");
    // The comment's anchor is "reactie-<its number>".
    var comment = link.closest("li");
    parent.value = comment.id.split("-").pop();
    // The name as the comment shows it, in the first <bdi> of its line of details.
    var name = comment.querySelector("p > bdi").textContent;
    showIsolatedName(text, message(form, "replying"), name);
    replying.hidden = false;
    form.querySelector("textarea").focus();
    return true;
  }

  function cancelReply(link) {
    var form = link.closest("[data-comment-form]");
    form.querySelector("[data-parent-field]").value = "";
    form.querySelector("[data-replying]").hidden = true;
    form.querySelector("textarea").focus();
  }

  /* ---------- Sending in the background ---------- */

  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function replaceForm(oldForm, html) {
    var newForm = parse(html).querySelector("[data-comment-form]");
    if (!newForm) {
      return oldForm;
    }
    oldForm.replaceWith(newForm);
    setUpCounter(newForm);
    return newForm;
  }

  function showComment(section, html, approved) {
    var comment = parse(html).firstElementChild;
    if (!section || !comment) {
      return;
    }
    var item = comment; // the comment is its own list item
    var own = section.querySelector("[data-own-comments]");
    if (!approved && own) {
      own.querySelector("[data-own-list]").appendChild(item);
      own.hidden = false;
    }
  }

  function setBusy(form, busy) {
    form.setAttribute("aria-busy", busy ? "true" : "false");
    var button = form.querySelector("[data-submit]");
    if (button) {
      button.disabled = busy;
    }
  }

  function send(form) {
    var box = container(form);
    var section = form.closest("[data-comments]");
    setBusy(form, true);
    setStatus(box, message(form, "waiting"));

    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        if (data.status === "posted") {
          showComment(section, data.comment_html, data.approved);
          replaceForm(form, data.form_html);
          setStatus(box, data.message, "success");
          if (data.approved) {
            // A published comment belongs in the list: show the page as everyone sees it.
            window.location.reload();
          }
          return;
        }
        if (data.form_html) {
          var newForm = replaceForm(form, data.form_html);
          setStatus(box, data.message, data.message ? "error" : "");
          var summary = newForm.querySelector("[data-error-summary]");
          if (summary) {
            summary.focus();
          }
          return;
        }
        setBusy(form, false);
        if (data.status === "unavailable") {
          offerToSendAgain(box, form, data.message);
          return;
        }
        setStatus(box, data.message || message(form, "network-error"), "error");
      })
      .catch(function () {
        // Nothing was replaced: the reader's text is still in the form.
        setBusy(form, false);
        offerToSendAgain(box, form, message(form, "network-error"));
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-comment-form]");
    if (!form || !window.fetch) {
      return;
    }
    event.preventDefault();
    if (form.getAttribute("aria-busy") !== "true") {
      send(form);
    }
  });

  document.addEventListener("click", function (event) {
    // A comment's reply link: the only link straight inside its item.
    var reply = event.target.closest(".comment-list li > a");
    if (reply && replyTo(reply)) {
      event.preventDefault();
      return;
    }
    var cancel = event.target.closest("[data-cancel-reply]");
    if (cancel) {
      event.preventDefault();
      cancelReply(cancel);
    }
  });

  document.querySelectorAll("[data-comment-form]").forEach(setUpCounter);
})();
