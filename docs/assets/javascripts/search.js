/* Search for Vietnamese readers, behind Material's search box.
 *
 * The index is ours (hooks/search_store.py): term postings in hashed shards
 * and records in chunks, all loaded as scripts only when the reader opens
 * search, so the same files work over http and from file://. klFold,
 * klTokens and klHash mirror hooks/search_text.py and search_store.fnv1a
 * exactly; tests compare them on the same inputs in Chromium.
 */
(function () {
  "use strict";

  // đ is a letter of its own, not d plus a mark: fold it before NFD.
  function klFold(text) {
    return text.normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().normalize("NFC");
  }

  // Runs of letters, digits and marks; punctuation separates ("luật," -> "luật").
  function klTokens(text) {
    return (text.toLowerCase().normalize("NFD").match(/[\p{L}\p{N}\p{M}]+/gu) || [])
      .map(function (t) { return t.normalize("NFC"); });
  }

  // 32-bit FNV-1a of the UTF-8 bytes: which shard holds a term.
  function klHash(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  window.klFold = klFold;
  window.klTokens = klTokens;
  window.klHash = klHash;

  var SHOWN = 20;
  var EXCERPT_WORDS = 28;
  // The exact diacritics put "cán" before "cân" for "cán", as a tie-breaker
  // rather than a reason to prefer a weaker record.
  var EXACT_WEIGHT = 0.25;
  // A completion of the word still being typed counts less than a typed word.
  var PREFIX_WEIGHT = 0.5;
  // A pasted paragraph is searched by its first words, not one file per word.
  var MAX_TOKENS = 32;

  var sequence = 0;

  function root() { return document.querySelector("[data-kl-search]"); }
  function input() { return document.querySelector("[data-kl-search-input]"); }
  function toggle() { return document.getElementById("__search"); }
  function message(name, n) {
    var text = root().getAttribute("data-msg-" + name) || "";
    return n === undefined ? text : text.replace("#", String(n));
  }

  function baseUrl() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base, location.href);
  }

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
      return file("t/" + (klHash(key) % meta.shards)).then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
      });
    }));
  }

  function idf(meta, list) {
    var df = list.length / 2;
    return Math.log(1 + (meta.records - df + 0.5) / (df + 0.5));
  }

  // What to look up for a query: each distinct folded word (a group: a
  // record holds the word or not), each pair of adjacent words and each word
  // typed with diacritics (bonuses), and whether the last word is still
  // being typed (no space or punctuation after it).
  function plan(meta, query) {
    var all = klTokens(query);
    var tokens = all.slice(0, MAX_TOKENS);
    var folded = tokens.map(klFold);
    var words = folded.filter(function (w, i) { return folded.indexOf(w) === i; });
    var bonus = [];
    folded.forEach(function (w, i) {
      if (i) bonus.push({ key: folded[i - 1] + " " + w, weight: 1 });
      if (tokens[i] !== w) bonus.push({ key: meta.exact + tokens[i], weight: EXACT_WEIGHT });
    });
    return { tokens: tokens, words: words, bonus: bonus,
             typing: words.length ? folded[folded.length - 1] : null,
             partial: tokens.length === all.length && /[\p{L}\p{N}\p{M}]$/u.test(query) };
  }

  // Each group is the lists of one query word. A word not in the index and
  // still being typed stands for its commonest completions, and each
  // completion that follows the previous word in the text ("thuong xung")
  // counts as a pair. Resolves to [groups, extra bonus lists].
  function groups(meta, p) {
    return lookup(meta, p.words).then(function (lists) {
      var out = lists.map(function (list) { return list ? [{ list: list, weight: 1 }] : []; });
      var at = p.words.indexOf(p.typing);
      if (!p.partial || at < 0 || out[at].length || p.typing.length < meta.minPrefix) return [out, []];
      return lookup(meta, [meta.prefix + p.typing]).then(function (found) {
        var words = found[0] || [];
        var before = p.tokens.length > 1 ? klFold(p.tokens[p.tokens.length - 2]) : null;
        var pairs = before ? words.map(function (w) { return before + " " + w; }) : [];
        return lookup(meta, words.concat(pairs)).then(function (more) {
          out[at] = more.slice(0, words.length).filter(Boolean).map(function (list) {
            return { list: list, weight: PREFIX_WEIGHT };
          });
          return [out, more.slice(words.length).map(function (list) { return { list: list, weight: PREFIX_WEIGHT }; })];
        });
      });
    });
  }

  // Records holding every word, best first; when none holds them all (a
  // question in the reader's own words), records by how many they hold.
  function rank(meta, wordGroups, bonusLists) {
    var n = meta.records;
    var scores = new Float64Array(n);
    var hits = new Uint8Array(n);
    var seenIn = new Int32Array(n).fill(-1);
    var touched = [];
    function each(list, weight, visit) {
      var w = weight * idf(meta, list);
      for (var i = 0, id = 0; i < list.length; i += 2) {
        id += list[i];
        scores[id] += w * list[i + 1];
        if (visit) visit(id);
      }
    }
    wordGroups.forEach(function (alternatives, g) {
      alternatives.forEach(function (alt) {
        each(alt.list, alt.weight, function (id) {
          if (seenIn[id] === g) return;
          seenIn[id] = g;
          if (!hits[id]) touched.push(id);
          hits[id] += 1;
        });
      });
    });
    bonusLists.forEach(function (b) { if (b.list) each(b.list, b.weight, null); });
    var all = touched.filter(function (id) { return hits[id] === wordGroups.length; });
    var found = all.length ? all : touched;
    return found.sort(function (a, b) { return hits[b] - hits[a] || scores[b] - scores[a] || a - b; });
  }

  // Results of a query, or null once a newer query has started (a reader
  // typing fast need not download the records of every prefix).
  function search(query, current) {
    return load().then(function (meta) {
      var p = plan(meta, query);
      return Promise.all([groups(meta, p), lookup(meta, p.bonus.map(function (b) { return b.key; }))])
        .then(function (got) {
          if (!current()) return null;
          var bonusLists = p.bonus.map(function (b, i) { return { list: got[1][i], weight: b.weight }; });
          var found = rank(meta, got[0][0], bonusLists.concat(got[0][1]));
          return records(meta, found.slice(0, SHOWN)).then(function (shown) {
            return { meta: meta, found: found, shown: shown };
          });
        });
    });
  }

  // Link, title, kind and text of the given records, from their chunks.
  function records(meta, ids) {
    return Promise.all(ids.map(function (id) {
      return file("r/" + Math.floor(id / meta.chunk)).then(function (rows) {
        var row = rows[id % meta.chunk];
        return { url: resultUrl(row[0]), title: row[1], kind: row[2], text: row[3] };
      });
    }));
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // Whether a word matches one of the query's terms: on folded words, as the
  // index compares, and a term of two letters or more may begin the word.
  function matcher(terms) {
    var folded = terms.map(klFold);
    return function (word) {
      return klTokens(word).map(klFold).some(function (w) {
        return folded.some(function (t) { return w === t || (t.length > 1 && w.indexOf(t) === 0); });
      });
    };
  }

  // A window of the record's text around the first query word, the
  // matching words marked.
  function excerpt(text, terms) {
    var words = text.trim().split(/\s+/);
    var hit = matcher(terms);
    var first = words.findIndex(hit);
    var start = first < 0 ? 0 : Math.max(0, first - 8);
    var slice = words.slice(start, start + EXCERPT_WORDS).map(function (w) {
      return hit(w) ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
    });
    return (start > 0 ? "… " : "") + slice.join(" ") + (start + EXCERPT_WORDS < words.length ? " …" : "");
  }

  function itemHtml(r, terms) {
    return '<li class="md-search-result__item"><a class="md-search-result__link" tabindex="-1" href="' +
      escapeHtml(r.url) + '"><article class="md-search-result__article md-typeset" data-kl-kind="' +
      escapeHtml(r.kind) + '"><div class="md-search-result__icon md-icon"></div><h1>' +
      escapeHtml(r.title) + "</h1><p>" + excerpt(r.text, terms) + "</p></article></a></li>";
  }

  // The results on screen: the rest of a long list comes SHOWN at a time.
  var onScreen = null;

  function render(result, terms) {
    var list = document.querySelector("[data-kl-search-results]");
    var meta = document.querySelector("[data-kl-search-meta]");
    var total = result.found.length;
    if (!total) meta.textContent = message("none");
    else meta.textContent = total === 1 ? message("one") : message("other", total);
    list.innerHTML = byTitle(result.shown, terms).map(function (r) { return itemHtml(r, terms); }).join("");
    onScreen = { meta: result.meta, found: result.found, count: result.shown.length, terms: terms };
    moreButton();
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

  // How much of a title the query names, when it names all query words:
  // "Bộ Chính trị" is the body's page, not a post that mentions it.
  function coverage(title, terms, key) {
    var words = klTokens(title).map(key);
    var wanted = terms.map(key);
    if (!words.length || !wanted.every(function (t) { return words.indexOf(t) >= 0; })) return 0;
    return words.filter(function (w) { return wanted.indexOf(w) >= 0; }).length / words.length;
  }

  // Index order, except that results whose title is what the reader typed
  // come first, exact diacritics before folded ones, and that explanations
  // (hỏi đáp) follow the legal text they explain.
  function byTitle(data, terms) {
    var same = function (t) { return t; };
    return data.map(function (d, i) {
      var explanation = d.kind === "hoi-dap" ? 1 : 0;
      // A question jumps ahead only when the reader typed most of it.
      var counts = function (c) { return explanation && c < 0.75 ? 0 : c; };
      return { d: d, i: i, exact: counts(coverage(d.title, terms, same)),
               folded: counts(coverage(d.title, terms, klFold)), explanation: explanation };
    }).sort(function (a, b) {
      return b.exact - a.exact || b.folded - a.folded || a.explanation - b.explanation || a.i - b.i;
    }).map(function (x) { return x.d; });
  }

  function run(query) {
    var mine = ++sequence;
    var terms = klTokens(query);
    var meta = document.querySelector("[data-kl-search-meta]");
    if (!terms.length) {
      document.querySelector("[data-kl-search-results]").innerHTML = "";
      meta.textContent = message("placeholder");
      onScreen = null;
      moreButton();
      return Promise.resolve();
    }
    if (!files.meta) meta.textContent = message("loading");
    var current = function () { return mine === sequence; };
    return search(query, current).then(function (result) {
      if (result && current()) render(result, terms);
    }).catch(function () {
      if (mine === sequence) meta.textContent = message("error");
    });
  }

  function open() {
    var box = toggle();
    if (box && !box.checked) box.click();
    var field = input();
    if (field) { field.focus(); field.select(); }
    preload();
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

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-kl-search-input]")) run(event.target.value);
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
      sessionStorage.setItem(HIGHLIGHT, JSON.stringify({ href: link.href, terms: klTokens(input().value),
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
    var hit = matcher(saved.terms);
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

  // Material's document$ emits for the first page and after each instant
  // navigation; a result on the same page only changes the hash.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(highlight);
  else highlight();
  window.addEventListener("hashchange", highlight);

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-kl-search-more]")) {
      more();
      return;
    }
    var link = event.target.closest && event.target.closest("[data-kl-search-results] a");
    if (!link) return;
    remember(link);
    close();
  });

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
        if (active === field && items.length) {
          event.preventDefault();
          items[0].click();
        }
        break;
      default:
        if (at >= 0 && event.key.length === 1) field.focus();
    }
  });
})();
