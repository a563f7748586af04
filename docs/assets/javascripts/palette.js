// The light/dark toggle in the header (overrides/partials/palette.html), as
// Material's palette component runs it, but a page load changes nothing that
// is already right. Material's component, at every load, marks <body> as
// switching colours (a rule on `[data-md-color-switching] *`), reads the
// header's computed style, and unmarks <body> a moment later: every element
// of the page is restyled twice more (KL14 on a phone: 2,592 elements styled
// instead of 1,534, in Chromium's trace). Here the colours are set, with
// that mark, only when they change: a reader's tap, or a first visit whose
// system asks for the other scheme. The choice is kept where Material keeps
// it (`__palette`), so Material's script at the top of the page applies it
// on the next page before anything is drawn.
(function () {
  "use strict";

  var form = document.querySelector("form[data-kl-palette]");
  if (!form || !window.__md_get || !window.__md_set) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var body = document.body;
  var KEYS = ["media", "scheme", "primary", "accent"];
  var COLOURS = KEYS.slice(1);
  var header = document.querySelector("[data-md-component=header]");
  var metas = {};

  // Made when first needed: a colour scheme named in the page's head
  // restyles every element, even when it is the one already in use.
  function meta(name, content) {
    var el = metas[name];
    if (!el) {
      if (name === "color-scheme" && content === "light") return;   // what a page without it uses
      el = metas[name] = document.createElement("meta");
      el.setAttribute("name", name);
      document.head.appendChild(el);
    }
    if (el.content !== content) el.content = content;
  }

  // The palette of input `index`, with its colours as the input states them;
  // "(prefers-color-scheme)" (automatic) takes those of the system's scheme.
  function palette(index) {
    var input = inputs[index], color = {};
    KEYS.forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key); });
    if (color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var system = form.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
      if (system) {
        COLOURS.forEach(function (key) {
          color[key] = system.getAttribute("data-md-color-" + key);
        });
      }
    }
    return { index: index, color: color };
  }

  // The reader's stored choice, or the first palette whose media matches.
  function currentIndex() {
    var stored = __md_get("__palette");
    var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(0, Math.min(index, inputs.length - 1));
  }

  // The browser's own colours (address bar, form controls) follow the header.
  function followHeader() {
    if (!header) return;
    var style = getComputedStyle(header);
    meta("color-scheme", style.colorScheme);
    var rgb = style.backgroundColor.match(/\d+/g) || [];
    meta("theme-color", "#" + rgb.slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join(""));
  }

  function apply(chosen) {
    var changed = COLOURS.some(function (key) {
      return body.getAttribute("data-md-color-" + key) !== chosen.color[key];
    });
    if (changed) {
      // No transition while every colour changes, as Material does.
      body.setAttribute("data-md-color-switching", "");
      COLOURS.forEach(function (key) { body.setAttribute("data-md-color-" + key, chosen.color[key]); });
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
    }
    // No style reads the media (the page is drawn without it), as Material sets it.
    if (body.getAttribute("data-md-color-media") !== chosen.color.media) {
      body.setAttribute("data-md-color-media", chosen.color.media);
    }
    // Each toggle shows while its own palette is on (it switches to the next).
    inputs.forEach(function (input, index) {
      var label = input.nextElementSibling, hide = chosen.index !== index;
      if (label instanceof HTMLElement && label.hidden !== hide) label.hidden = hide;
    });
    __md_set("__palette", chosen);
    if (changed) {
      followHeader();
    } else {
      // Read once the page is drawn, when its style is already known:
      // reading it now would style the whole page ahead of the browser.
      requestAnimationFrame(function () { setTimeout(followHeader); });
    }
  }

  apply(palette(currentIndex()));
  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () { apply(palette(index)); });
  });
  // Enter on the focused toggle moves to the next palette, as in Material.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(currentIndex() + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // An automatic palette follows the system when it changes.
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
    apply(palette(currentIndex()));
  });
})();
