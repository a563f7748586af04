// "Sao chép liên kết": copies the page's real current address, anchor
// included (the reader may be on a clause). Plain share links
// (Facebook, Zalo) need no script; nothing here loads a third-party file.
(function () {
  "use strict";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("no clipboard"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".kl-copy-link");
    if (!button) return;
    var url = location.href;
    var label = button.textContent;
    copy(url).then(function () {
      button.textContent = "Đã sao chép liên kết";
      button.setAttribute("data-copied", "");
      setTimeout(function () { button.textContent = label; button.removeAttribute("data-copied"); }, 2500);
    }, function () {
      window.prompt("Sao chép liên kết:", url);
    });
  });
})();
