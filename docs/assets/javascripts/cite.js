// Copy a clause's citation with its permanent URL. Event delegation on the
// document keeps working across Material's instant navigation.
(function () {
  "use strict";

  function permanentUrl(anchor) {
    return location.origin + location.pathname + "#" + anchor;
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".kl-cite");
    if (!button) return;
    var text = button.getAttribute("data-cite") + ", " + permanentUrl(button.getAttribute("data-anchor"));
    var label = button.textContent;
    copy(text).then(function () {
      button.textContent = "Đã sao chép";
      button.setAttribute("data-copied", "");
    }, function () {
      window.prompt("Sao chép trích dẫn:", text);
    }).then(function () {
      setTimeout(function () {
        button.textContent = label;
        button.removeAttribute("data-copied");
      }, 2000);
    });
  });

  // A link published with a retired provisional id (noi-dung-N) lands on
  // the clause that replaced it; the address bar then shows that clause's
  // own id, the one to cite from now on.
  function canonicalHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var moved = el && el.getAttribute("data-moved-to");
    if (moved) history.replaceState(history.state, "", "#" + moved);
  }
  window.addEventListener("hashchange", canonicalHash);
  // Material's document$ emits for the first page and after each instant navigation.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(canonicalHash);
  else canonicalHash();
})();
