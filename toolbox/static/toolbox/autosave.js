// Autosave for admin forms (toolbox/autosave.py): every few seconds, if the form changed,
// post it to <object>/autosave/ with the CSRF token. When the session has expired the
// text is kept in this tab (sessionStorage) and sent once the editor is logged in again;
// a save that ends on the login page is kept the same way.
"use strict";
(function () {
  const INTERVAL_MS = 3000;
  const TEXTS = {
    nl: {
      expired: "Uw sessie is verlopen. Wat u typt, blijft in dit tabblad bewaard. Meld u opnieuw aan (bijvoorbeeld in een nieuw tabblad) en ga daarna verder.",
      failed: "Automatisch bewaren lukt nu niet. Wat u typt, blijft in dit tabblad bewaard.",
      back: "Na het aanmelden is uw niet-opgeslagen tekst bewaard.",
      restore: "Terugzetten",
    },
  };
  const text = TEXTS.nl;

  function findForm() {
    return document.querySelector("#content-main form[method=post][id$='_form']");
  }

  function endpoint() {
    const base = window.location.pathname.replace(/change\/$/, "");
    return base + "autosave/";
  }

  function serialise(form) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") {
        params.append(name, value);
      }
    }
    return params.toString();
  }

  function csrfToken(form) {
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function statusLine(form) {
    let line = document.getElementById("autosave-status");
    if (!line) {
      line = document.createElement("p");
      line.id = "autosave-status";
      line.className = "help autosave-status";
      line.setAttribute("role", "status");
      form.prepend(line);
    }
    return line;
  }

  function showRestoreLink(form, message) {
    const line = statusLine(form);
    line.textContent = message + " ";
    const link = document.createElement("a");
    link.href = "?concept=terugzetten";
    link.className = "autosave-restore";
    link.textContent = text.restore;
    line.append(link);
  }

  async function send(form, body) {
    const response = await fetch(endpoint(), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRFToken": csrfToken(form),
        Accept: "application/json",
      },
      body: body,
    });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    return response.json();
  }

  function start() {
    const form = findForm();
    if (!form) {
      return;
    }
    const pendingKey = "autosave:" + endpoint();
    let lastSent = serialise(form);
    let busy = false;

    // Text kept while logged out comes back after logging in again (the login page sent
    // the editor here); in any other case it was saved or dropped, so forget it.
    const pending = window.sessionStorage.getItem(pendingKey);
    window.sessionStorage.removeItem(pendingKey);
    if (pending && pending !== lastSent && document.referrer.includes("/login/")) {
      send(form, pending).then(() => showRestoreLink(form, text.back)).catch(() => {
        window.sessionStorage.setItem(pendingKey, pending);
      });
    }

    async function tick() {
      const current = serialise(form);
      if (busy || current === lastSent) {
        return;
      }
      busy = true;
      try {
        const answer = await send(form, current);
        lastSent = current;
        window.sessionStorage.removeItem(pendingKey);
        statusLine(form).textContent = answer.message;
      } catch (error) {
        window.sessionStorage.setItem(pendingKey, current);
        const expired = error.message === "401" || error.message === "403";
        statusLine(form).textContent = expired ? text.expired : text.failed;
      } finally {
        busy = false;
      }
    }

    window.setInterval(tick, INTERVAL_MS);
    // A save that meets an expired session lands on the login page: keep what was typed.
    form.addEventListener("submit", () => {
      window.sessionStorage.setItem(pendingKey, serialise(form));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
