// Opened from the file system (a USB stick), a directory URL shows a folder
// listing: point links at the folder's index.html. Runs in the capture
// phase, before Material's own click handling.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link) return;
    var url = new URL(link.getAttribute("href"), location.href);
    if (url.protocol === "file:" && /\/$/.test(url.pathname)) {
      url.pathname += "index.html";
      link.href = url.href;
    }
  }, true);
})();
