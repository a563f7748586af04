// A link to another place on the page the reader is on moves there the
// browser's own way: one history entry, the scroll, `:target`, `hashchange`.
// Material's instant navigation fetches a page when its path changes from
// the last one it saw, and before its first navigation it has seen none: the
// first such link fetched the page again and replaced its content, closing
// what the reader had opened (the plain summary's "Đọc tiếp"), and Back to
// the page's own address did the same. Links to other pages stay Material's.
(function () {
  "use strict";
  var features = [];
  try {
    features = JSON.parse(document.getElementById("__config").textContent).features || [];
  } catch (e) { /* no Material configuration: nothing to step around */ }
  if (features.indexOf("navigation.instant") < 0 || location.protocol === "file:") return;

  // The path whose content is on screen: the one opened, then each one
  // Material's instant navigation goes to. This script runs before
  // Material's bundle (overrides/main.html), which has made `location$`
  // by the time the page is parsed.
  var shown = location.pathname;
  document.addEventListener("DOMContentLoaded", function () {
    if (window.location$ && window.location$.subscribe) {
      window.location$.subscribe(function (url) { shown = url.pathname; });
    }
  });

  function withoutHash(url) {
    return url.href.split("#")[0];
  }

  function closeToggle(name) {
    // As Material closes its drawer and search after a navigation.
    var toggle = document.getElementById("__" + name);
    if (toggle && toggle.checked) toggle.click();
  }

  // Capture phase: before Material's handler on <body>, which passes over a
  // link with a target (one it takes to open elsewhere). `_self` is where
  // the browser opens a link anyway. The event still reaches the site's
  // other handlers (a search result on this page closes the search).
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
    var url = new URL(link.href, location.href);
    if (!url.hash || url.pathname !== shown || withoutHash(url) !== withoutHash(location)) return;
    link.target = "_self";
    // The place to come back to on Back, where Material keeps it.
    history.replaceState({ x: window.scrollX, y: window.scrollY }, "");
    // A link to the place already in the address changes no hash, so
    // nothing else would close a drawer it was tapped in.
    setTimeout(function () { closeToggle("drawer"); closeToggle("search"); }, 125);
  }, true);

  // The browser fires `popstate` for a move to a place on the page, by a
  // link or by Back and Forward: the browser's, not a new fetch. Listening
  // on `window` before Material's bundle, this hears it first.
  window.addEventListener("popstate", function (event) {
    if (location.pathname !== shown) return;
    event.stopImmediatePropagation();
    // Material turns the browser's own restoring off once it navigates.
    if (history.scrollRestoration !== "manual") return;
    var state = history.state;
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (state && typeof state.y === "number") window.scrollTo(state.x || 0, state.y);
    else if (target) target.scrollIntoView();
    else if (!id) window.scrollTo(0, 0);
  });
})();
