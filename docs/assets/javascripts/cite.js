// Copy a clause's citation with its permanent URL. Event delegation on the
// document keeps working across Material's instant navigation.
(function () {
  "use strict";

  // The clause in place in its document, resolved against the real current
  // address (the page may be a clause's own page, or opened from a copy).
  function permanentUrl(button) {
    var rel = button.getAttribute("data-permalink");
    if (rel) {
      try { return new URL(rel, location.href).href; } catch (e) { /* fall through */ }
    }
    return location.origin + location.pathname + "#" + button.getAttribute("data-anchor");
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

  function flash(button, label, done) {
    button.textContent = done;
    button.setAttribute("data-copied", "");
    setTimeout(function () {
      button.textContent = label;
      button.removeAttribute("data-copied");
    }, 2000);
  }

  // "Chia sẻ" on a clause: the phone's share sheet where there is one, else
  // the clause's first words, its citation and its page's address copied.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".kl-share-clause");
    if (!button) return;
    var url = new URL(button.getAttribute("data-share-url"), location.href).href;
    var title = button.getAttribute("data-share-title");
    var text = button.getAttribute("data-share-text");
    var label = button.textContent;
    if (navigator.share) {
      navigator.share({ title: title, text: text, url: url }).catch(function () { /* dismissed */ });
      return;
    }
    var all = text + "\n" + url;
    copy(all).then(function () { flash(button, label, "Đã sao chép để chia sẻ"); },
                   function () { window.prompt("Sao chép để chia sẻ:", all); });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".kl-cite, .kl-cite-source");
    if (!button) return;
    var text = button.getAttribute("data-cite") + ", " + permanentUrl(button);
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

  // Print: the page's real address and the day it was printed (dd/mm/yyyy).
  window.addEventListener("beforeprint", function () {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    document.querySelectorAll(".kl-print-footer").forEach(function (el) {
      var address = el.querySelector("[data-print-url]");
      var day = el.querySelector("[data-print-date]");
      if (address) address.textContent = location.href;
      if (day) day.textContent = " · In ngày " + pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear();
    });
  });
  // Material's document$ emits for the first page and after each instant navigation.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(canonicalHash);
  else canonicalHash();
})();
