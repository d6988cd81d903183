// Dutch labels in the rich-text editor's menu. django-prose-editor writes its buttons'
// tooltips ("bold", "insert link", "Heading 2") in English without gettext; this script
// looks them up in the admin's djangojs catalogue (locale/nl/LC_MESSAGES/djangojs.po) as
// the menu appears. Its dialogs already go through gettext and need nothing from here.
"use strict";

(function () {
  const gettext = window.gettext || ((text) => text);
  const interpolate = window.interpolate || ((format, values) => format.replace("%s", values[0]));
  const LABELS = new Map([
    ["paragraph", gettext("paragraph")],
    ["Paragraph", gettext("Paragraph")],
    ["unordered list", gettext("unordered list")],
    ["ordered list", gettext("ordered list")],
    ["blockquote", gettext("blockquote")],
    ["bold", gettext("bold")],
    ["italic", gettext("italic")],
    ["underline", gettext("underline")],
    ["strike", gettext("strike")],
    ["subscript", gettext("subscript")],
    ["superscript", gettext("superscript")],
    ["insert link", gettext("insert link")],
    ["remove link", gettext("remove link")],
    ["undo", gettext("undo")],
    ["redo", gettext("redo")],
    ["horizontal rule", gettext("horizontal rule")],
    ["figure", gettext("figure")],
    ["Code", gettext("Code")],
    ["Code block", gettext("Code block")],
    ["edit HTML", gettext("edit HTML")],
    ["Insert table", gettext("Insert table")],
    ["Merge cells", gettext("Merge cells")],
    ["Split cell", gettext("Split cell")],
    ["Reset all classes", gettext("Reset all classes")],
    ["Styles", gettext("Styles")],
  ]);
  const HEADING = /^heading (\d)$/i;

  function dutch(text) {
    const trimmed = (text || "").trim();
    const heading = HEADING.exec(trimmed);
    if (heading) {
      return interpolate(gettext("Heading %s"), [heading[1]]);
    }
    return LABELS.get(trimmed);
  }

  function translateMenu(menu) {
    for (const element of menu.querySelectorAll("[title], [aria-label]")) {
      for (const attribute of ["title", "aria-label"]) {
        const label = dutch(element.getAttribute(attribute));
        if (label) {
          element.setAttribute(attribute, label);
        }
      }
    }
    // The block type picker shows its choices as text ("Heading 2", "Paragraph").
    for (const element of menu.querySelectorAll(".prose-menubar__option > *")) {
      const label = dutch(element.textContent);
      if (label) {
        element.textContent = label;
      }
    }
  }

  function translateAll() {
    document.querySelectorAll(".prose-menubar").forEach(translateMenu);
  }

  // The editor builds its menu after this script runs, and rebuilds parts of it.
  new MutationObserver(translateAll).observe(document.body, { childList: true, subtree: true });
  translateAll();
})();
