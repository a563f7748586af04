/* Search for Vietnamese readers, behind Material's search box: loading,
 * results on screen, marks in the clause a result opens, and keys.
 *
 * The index is ours (hooks/search/store.py): term postings in hashed shards
 * and records in chunks, all loaded as scripts only when the reader opens
 * search, so the same files work over http and from file://. Folding,
 * query planning, ranking and excerpts are search-core.js (klSearchCore),
 * loaded before this file and tested with Node.
 */
(function () {
  "use strict";

  var core = window.klSearchCore;
  var SHOWN = 20;

  var sequence = 0;
  // The kind of result the reader chose to see ("clause"…), or null for all.
  var filter = null;

  function root() { return document.querySelector("[data-kl-search]"); }
  function input() { return document.querySelector("[data-kl-search-input]"); }
  function toggle() { return document.getElementById("__search"); }
  function message(name, n) {
    var text = root().getAttribute("data-msg-" + name) || "";
    return n === undefined ? text : text.replace("#", String(n));
  }

  // The site's root, found from the page first opened: Material's instant
  // navigation changes the address but keeps `__config`, whose base is
  // relative to that page. Found later, on a page reached by a link, it
  // pointed into that page, and the index did not load there.
  var BASE = (function () {
    try {
      return new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
    } catch (e) {
      return new URL(".", location.href);
    }
  })();

  function baseUrl() { return BASE; }

  // From the file system (file://) a folder URL shows a listing: link to
  // its index.html.
  function resultUrl(url) {
    var u = new URL(url, baseUrl());
    if (u.protocol === "file:" && /\/$/.test(u.pathname)) u.pathname += "index.html";
    return u.href;
  }

  // Index files are scripts that call klSearchData(name, data): a script tag
  // loads from file:// too, where fetch is refused. Each carries the build's
  // version (?v=), from the page for meta and from meta for the rest, so a
  // cache never mixes files of two builds.
  var files = {};
  var waiting = {};
  window.klSearchData = function (name, data) {
    if (waiting[name]) waiting[name](data);
    delete waiting[name];
  };

  function file(name) {
    if (name === "meta") return fetchFile(name, root().getAttribute("data-kl-search-version") || "");
    return load().then(function (meta) { return fetchFile(name, meta.version); });
  }

  function fetchFile(name, version) {
    if (!files[name]) {
      files[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var tag = document.createElement("script");
        tag.src = new URL("assets/tim-kiem/" + name + ".js?v=" + encodeURIComponent(version), baseUrl()).href;
        tag.onload = function () { tag.remove(); };
        tag.onerror = function () {
          tag.remove();
          delete files[name];
          delete waiting[name];
          reject(new Error(name));
        };
        document.head.appendChild(tag);
      });
    }
    return files[name];
  }

  function load() { return file("meta"); }

  // Opening search starts the download; a failure is reported when a query runs.
  function preload() { load().catch(function () {}); }

  // The stored value of each key ("can", "can bo", "=cán", "^ca"), or null.
  function lookup(meta, keys) {
    return Promise.all(keys.map(function (key) {
      return file("t/" + (core.hash(key) % meta.shards)).then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
      });
    }));
  }

  // Results of a query, or null once a newer query has started (a reader
  // typing fast need not download the records of every prefix). `all` is
  // every record found, `found` those of the kind chosen; a kind with none
  // of them falls back to all kinds.
  function search(query, current) {
    return load().then(function (meta) {
      return core.find(meta, query, function (keys) { return lookup(meta, keys); }).then(function (all) {
        if (!current()) return null;
        var found = core.ofKind(meta, all, filter);
        if (!found.length) { filter = null; found = all; }
        return records(meta, found.slice(0, SHOWN)).then(function (shown) {
          return { meta: meta, all: all, found: found, shown: shown };
        });
      });
    });
  }

  // Link, title, kind and text of the given records, from their chunks.
  function records(meta, ids) {
    return Promise.all(ids.map(function (id) {
      return file("r/" + Math.floor(id / meta.chunk)).then(function (rows) {
        var row = rows[id % meta.chunk];
        return { url: resultUrl(row[0]), title: row[1], kind: row[2], text: row[3], alt: row[4] || "",
                 label: core.label(meta, row[2]) };
      });
    }));
  }

  function itemHtml(r, terms) {
    return '<li class="md-search-result__item"><a class="md-search-result__link" tabindex="-1" href="' +
      core.escapeHtml(r.url) + '"><article class="md-search-result__article md-typeset" data-kl-kind="' +
      core.escapeHtml(r.kind) + '"><div class="md-search-result__icon md-icon"></div>' +
      // What the result is (Văn bản, Điều khoản, Hỏi đáp…), read before its title.
      '<div class="kl-search-kind">' + core.escapeHtml(r.label) + "</div><h1>" +
      core.escapeHtml(r.title) + "</h1><p>" + core.excerpt(r.text, terms) + "</p></article></a></li>";
  }

  // The results on screen: the rest of a long list comes SHOWN at a time.
  var onScreen = null;

  function render(result, terms) {
    var list = document.querySelector("[data-kl-search-results]");
    var meta = document.querySelector("[data-kl-search-meta]");
    var total = result.found.length;
    if (!total) meta.textContent = message("none");
    else meta.textContent = total === 1 ? message("one") : message("other", total);
    list.innerHTML = core.byTitle(result.shown, terms).map(function (r) { return itemHtml(r, terms); }).join("");
    onScreen = { meta: result.meta, found: result.found, count: result.shown.length, terms: terms };
    kindButtons(result);
    moreButton();
  }

  // One toggle button per kind found ("Điều khoản 12"), and "Tất cả":
  // shown whenever there are results, so the row does not come and go as
  // the reader types.
  function kindButtons(result) {
    var box = document.querySelector("[data-kl-search-kinds]");
    if (!box) return;
    var kinds = result ? core.kindCounts(result.meta, result.all) : [];
    box.textContent = "";
    box.hidden = !kinds.length;
    if (box.hidden) return;
    [{ kind: "", label: message("all"), count: result.all.length }].concat(kinds).forEach(function (k) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kl-search-kinds__button";
      button.setAttribute("data-kl-kind", k.kind);
      button.setAttribute("aria-pressed", String((filter || "") === k.kind));
      button.textContent = k.label + " ";
      var count = document.createElement("span");
      count.className = "kl-search-kinds__count";
      count.textContent = String(k.count);
      button.appendChild(count);
      box.appendChild(button);
    });
  }

  // A kind chosen: the results of the same query, of that kind only. Focus
  // stays on the button the reader pressed.
  function choose(kind) {
    filter = kind || null;
    var field = input();
    run(field ? field.value : "").then(function () {
      var pressed = document.querySelector('[data-kl-search-kinds] [data-kl-kind="' + CSS.escape(kind) + '"]');
      if (pressed) pressed.focus();
    });
  }

  function moreButton() {
    var button = document.querySelector("[data-kl-search-more]");
    if (!button) return;
    var left = onScreen ? onScreen.found.length - onScreen.count : 0;
    button.hidden = left <= 0;
    button.textContent = message("more", Math.min(left, SHOWN));
  }

  function more() {
    var shown = onScreen;
    if (!shown) return;
    var mine = sequence;
    records(shown.meta, shown.found.slice(shown.count, shown.count + SHOWN)).then(function (items) {
      if (mine !== sequence || onScreen !== shown) return;
      var list = document.querySelector("[data-kl-search-results]");
      var first = list.children.length;
      list.insertAdjacentHTML("beforeend", items.map(function (r) { return itemHtml(r, shown.terms); }).join(""));
      shown.count += items.length;
      moreButton();
      // Keyboard and screen-reader users continue from the first new result.
      var next = list.children[first] && list.children[first].querySelector("a");
      if (next) next.focus();
    }).catch(function () {
      if (mine === sequence) document.querySelector("[data-kl-search-meta]").textContent = message("error");
    });
  }

  // Enter in the box opens the first result of what is typed; pressed
  // before those results are on screen, it waits for them.
  var answered = 0;   // the query (its sequence number) whose results are shown
  var enterFor = 0;   // the query Enter was pressed for while it loaded

  function openFirst() {
    var first = links()[0];
    if (first) first.click();
  }

  // The list is aria-busy while the results of what is typed load.
  function run(query) {
    var mine = ++sequence;
    var terms = core.tokens(query);
    var meta = document.querySelector("[data-kl-search-meta]");
    var list = document.querySelector("[data-kl-search-results]");
    var done = function () { list.removeAttribute("aria-busy"); };
    if (!terms.length) {
      done();
      list.innerHTML = "";
      meta.textContent = message("placeholder");
      onScreen = null;
      answered = mine;
      kindButtons(null);
      moreButton();
      return Promise.resolve();
    }
    if (!files.meta) meta.textContent = message("loading");
    list.setAttribute("aria-busy", "true");
    var current = function () { return mine === sequence; };
    return search(query, current).then(function (result) {
      if (!result || !current()) return;
      render(result, terms);
      done();
      answered = mine;
      if (enterFor === mine) openFirst();
    }).catch(function () {
      if (mine !== sequence) return;
      meta.textContent = message("error");
      done();
    });
  }

  // Checks Material's #__search, which shows the box and its results.
  function show() {
    var box = toggle();
    if (box && !box.checked) box.click();
    preload();
  }

  function open() {
    show();
    var field = input();
    if (field) { field.focus(); field.select(); }
  }

  function close() {
    var box = toggle();
    if (box && box.checked) box.click();
    var field = input();
    if (field) field.blur();
  }

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function links() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-kl-search-results] a"));
  }

  function isBox(el) { return el && el.matches && el.matches("[data-kl-search-input]"); }

  // Material opens search when its box gets focus, but without its plugin
  // that code is not wired: a click, tap or Tab into the box, or typing in
  // it, opens search here, at every screen size (issue 13).
  document.addEventListener("focusin", function (event) { if (isBox(event.target)) show(); });

  document.addEventListener("input", function (event) {
    if (!isBox(event.target)) return;
    show();
    run(event.target.value);
  });

  // Enter with no result must not submit the form (the page's CSP forbids
  // its javascript: action anyway).
  document.addEventListener("submit", function (event) {
    if (event.target.closest && event.target.closest("[data-kl-search]")) event.preventDefault();
  });

  document.addEventListener("reset", function (event) {
    if (event.target.closest && event.target.closest("[data-kl-search]")) {
      setTimeout(function () { run(""); var f = input(); if (f) f.focus(); }, 0);
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      var field = input();
      if (field) setTimeout(function () { field.focus(); }, 0);
      preload();
    }
  });

  // The words searched for are marked in the clause a result leads to. The
  // query travels in sessionStorage, not in the address, which stays the
  // clause's permanent link.
  var HIGHLIGHT = "kl-search-highlight";
  var HIGHLIGHT_FOR_MS = 30000;
  var NOT_TEXT = "button, nav, script, style, svg, .kl-backlinks, .kl-clause__tools, .headerlink, .kl-toc";

  function remember(link) {
    try {
      sessionStorage.setItem(HIGHLIGHT, JSON.stringify({ href: link.href, terms: core.tokens(input().value),
                                                         at: Date.now() }));
    } catch (e) { /* storage may be disabled: no marks, nothing else lost */ }
  }

  function highlight() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(HIGHLIGHT) || "null"); } catch (e) { return; }
    if (!saved || Date.now() - saved.at > HIGHLIGHT_FOR_MS) return;
    var target = new URL(saved.href);
    if (target.pathname !== location.pathname) return;
    sessionStorage.removeItem(HIGHLIGHT);
    var id = decodeURIComponent(target.hash.slice(1));
    var scope = (id && document.querySelector('[data-clause="' + CSS.escape(id) + '"]')) ||
      document.querySelector("article.md-content__inner");
    if (!scope || !saved.terms.length) return;
    scope.querySelectorAll("mark.kl-hit").forEach(function (m) { m.replaceWith(m.textContent); });
    scope.normalize();
    var hit = core.matcher(saved.terms);
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, { acceptNode: function (node) {
      return node.parentElement.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    } });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var words = /[\p{L}\p{N}\p{M}]+/gu;
      var parts = null;
      var last = 0;
      var m;
      while ((m = words.exec(text))) {
        if (!hit(m[0])) continue;
        parts = parts || document.createDocumentFragment();
        parts.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.className = "kl-hit";
        mark.textContent = m[0];
        parts.appendChild(mark);
        last = m.index + m[0].length;
      }
      if (!parts) return;
      parts.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(parts, node);
    });
  }

  // The box is in the header, which Material's instant navigation keeps: a
  // page reached by a link kept the last query, and a reader who opened
  // search again typed into it ("kh 116thi diem"). Each page's search
  // starts empty, as on a page opened anew.
  function empty() {
    var field = input();
    if (field && field.value) {
      field.value = "";
      run("");
    }
  }

  // Material's document$ emits for the first page and after each instant
  // navigation; a result on the same page only changes the hash.
  if (window.document$ && window.document$.subscribe) {
    var arrivals = 0;
    window.document$.subscribe(function () {
      if (arrivals++) empty();
      highlight();
    });
  } else {
    highlight();
  }
  window.addEventListener("hashchange", highlight);

  document.addEventListener("click", function (event) {
    if (isBox(event.target)) {
      show();
      return;
    }
    if (event.target.closest && event.target.closest("[data-kl-search-more]")) {
      more();
      return;
    }
    var kind = event.target.closest && event.target.closest("[data-kl-search-kinds] button");
    if (kind) {
      choose(kind.getAttribute("data-kl-kind"));
      return;
    }
    var link = event.target.closest && event.target.closest("[data-kl-search-results] a");
    if (!link) return;
    remember(link);
    close();
    unlockScroll();
  });

  // On a phone Material fixes the page in place while search is open and
  // frees it 100 ms after search closes, scrolling back to where the reader
  // was. A result on another page that arrives sooner (a fast network) was
  // scrolled to its clause while the page was still fixed, which moved
  // nothing, and the reader stayed at the top of the page, or was taken to
  // the old page's place. Freed now, the page is free before it arrives;
  // Material's own freeing then finds nothing to do.
  function unlockScroll() {
    var body = document.body;
    if (!body.hasAttribute("data-md-scrolllock")) return;
    var y = -parseInt(body.style.top, 10) || 0;
    body.removeAttribute("data-md-scrolllock");
    body.style.top = "";
    window.scrollTo(0, y);
  }

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    var box = toggle();
    if (!root() || !box) return;
    var active = document.activeElement;
    if (!box.checked) {
      // Material's shortcuts for search: "/", "s", "f".
      if (!typing(active) && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    var field = input();
    var items = links();
    var at = items.indexOf(active);
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        close();
        break;
      case "ArrowDown":
      case "ArrowUp":
        if (!items.length) return;
        event.preventDefault();
        var next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? items.length - 1 : at - 1);
        if (next < 0 || next >= items.length) field.focus();
        else items[next].focus();
        break;
      case "Enter":
        if (active !== field) break;
        event.preventDefault();
        if (answered === sequence) openFirst();
        else enterFor = sequence;
        break;
      default:
        if (at >= 0 && event.key.length === 1) field.focus();
    }
  });
})();