// FAQ index (/hoi-dap/): filter the questions by audience. Without this
// script every question is listed and the filter stays hidden.
(function () {
  "use strict";

  function apply(box, key) {
    var root = box.ownerDocument;
    box.querySelectorAll("button[data-audience]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-audience") === key));
    });
    var shown = 0;
    root.querySelectorAll(".kl-faq-topic").forEach(function (topic) {
      var visible = 0;
      topic.querySelectorAll("li[data-audience]").forEach(function (item) {
        var match = !key || item.getAttribute("data-audience").split(" ").indexOf(key) >= 0;
        item.hidden = !match;
        if (match) visible += 1;
      });
      topic.hidden = visible === 0;
      shown += visible;
    });
    var status = box.querySelector("[data-kl-faq-status]");
    var pressed = box.querySelector('button[aria-pressed="true"]');
    if (status) {
      status.textContent = key
        ? "Đang hiện " + shown + " câu hỏi dành cho " + pressed.textContent.replace(/\s*\(\d+\)$/, "").toLowerCase() + "."
        : "Đang hiện tất cả " + shown + " câu hỏi.";
    }
  }

  function setup() {
    var box = document.querySelector("[data-kl-faq-filter]");
    if (!box || box.hasAttribute("data-ready")) return;
    box.setAttribute("data-ready", "");
    box.hidden = false;
    box.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-audience]");
      if (button) apply(box, button.getAttribute("data-audience"));
    });
  }

  // Material swaps pages without reloading (instant navigation) and
  // announces each new page on document$.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
