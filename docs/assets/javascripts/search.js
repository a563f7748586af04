/* Search for Vietnamese readers, behind Material's search box.
 *
 * The index is Pagefind's (built by hooks/search_index.py), loaded only when
 * the reader opens search. klFold and klTokens mirror hooks/search_text.py
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

  window.klFold = klFold;
  window.klTokens = klTokens;

  var VARIANTS_MARK = "\u2063";   // hooks/search_index.py: extra spellings follow it
  var SHOWN = 20;
  var RANKING = { termSaturation: 0.8, pageLength: 1.0 };
  var EXCERPT_WORDS = 28;

  var engine = null;
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

  // From the file system (file://) Pagefind cannot load: search the same
  // records, written as a script by hooks/offline_search.py, with the same
  // folding, behind the same interface run() uses.
  function fileUrl(url, base) {
    var u = new URL(url.replace(/^\//, ""), base);
    if (/\/$/.test(u.pathname)) u.pathname += "index.html";
    return u.href;
  }

  function offlineEngine(base) {
    return new Promise(function (resolve, reject) {
      if (window.klSearchRecords) return resolve();
      var tag = document.createElement("script");
      tag.src = new URL("assets/javascripts/search-records.js", base).href;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    }).then(function () {
      var records = window.klSearchRecords.map(function (r) {
        return { r: r, names: r.n.split(" "), words: r.w.split(" ") };
      });
      function weight(words, term, exact, prefix) {
        return words.reduce(function (sum, w) {
          return sum + (w === term ? exact : (w.indexOf(term) === 0 ? prefix : 0));
        }, 0);
      }
      return { search: function (query) {
        var terms = klTokens(query).map(klFold);
        var results = [];
        records.forEach(function (rec, i) {
          var score = 0;
          var all = terms.every(function (t) {
            var hit = weight(rec.names, t, 10, 5) + weight(rec.words, t, 1, 0.5);
            score += hit;
            return hit > 0;
          });
          if (!all) return;
          results.push({ id: i, score: score / Math.sqrt(rec.words.length + 1), data: function () {
            return Promise.resolve({ url: fileUrl(rec.r.u, base), meta: { title: rec.r.t, kind: rec.r.k },
                                     content: rec.r.x });
          } });
        });
        results.sort(function (a, b) { return b.score - a.score; });
        return Promise.resolve({ results: results });
      } };
    });
  }

  function load() {
    if (!engine && location.protocol === "file:") {
      engine = offlineEngine(baseUrl());
      engine.catch(function () { engine = null; });
    }
    if (!engine) {
      var base = baseUrl();
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        // A news post quotes whole clauses; saturate repeated words early and
        // weigh length fully so the clause itself and names outrank it.
        return pf.options({ baseUrl: base.pathname, ranking: RANKING }).then(function () { return pf; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // A window of the record's own text around the first query word, the
  // matching words marked; comparison is on folded words, as the index does.
  function excerpt(content, terms) {
    var text = content.split(VARIANTS_MARK)[0].trim();
    var words = text.split(/\s+/);
    var folded = terms.map(klFold);
    function hit(word) {
      var f = klTokens(word).map(klFold);
      return f.some(function (w) {
        return folded.some(function (t) { return w === t || (t.length > 1 && w.indexOf(t) === 0); });
      });
    }
    var first = words.findIndex(hit);
    var start = first < 0 ? 0 : Math.max(0, first - 8);
    var slice = words.slice(start, start + EXCERPT_WORDS).map(function (w) {
      return hit(w) ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
    });
    return (start > 0 ? "… " : "") + slice.join(" ") + (start + EXCERPT_WORDS < words.length ? " …" : "");
  }

  function render(results, total, terms) {
    var list = document.querySelector("[data-kl-search-results]");
    var meta = document.querySelector("[data-kl-search-meta]");
    if (!total) meta.textContent = message("none");
    else meta.textContent = total === 1 ? message("one") : message("other", total);
    list.innerHTML = results.map(function (r) {
      // Each record carries its deep link as metadata (hooks/search_index.py).
      var url = (r.meta && r.meta.url) || r.url;
      return '<li class="md-search-result__item"><a class="md-search-result__link" tabindex="-1" href="' +
        escapeHtml(url) + '"><article class="md-search-result__article md-typeset" data-kl-kind="' +
        escapeHtml(r.meta.kind || "") + '"><div class="md-search-result__icon md-icon"></div><h1>' +
        escapeHtml(r.meta.title || url) + "</h1><p>" + excerpt(r.content, terms) + "</p></article></a></li>";
    }).join("");
  }

  // Citizens ask in their own words ("thi diem khong thanh cong"), and the
  // engine wants every word. When no record has them all, rank records by
  // how many of the words they hold, then by score.
  function anyTerm(pf, terms) {
    return Promise.all(terms.map(function (t) { return pf.search(t); })).then(function (searches) {
      var found = new Map();
      searches.forEach(function (search) {
        search.results.forEach(function (r) {
          var seen = found.get(r.id) || { result: r, hits: 0, score: 0 };
          seen.hits += 1;
          seen.score += r.score;
          found.set(r.id, seen);
        });
      });
      return Array.from(found.values()).sort(function (a, b) {
        return b.hits - a.hits || b.score - a.score;
      }).map(function (x) { return x.result; });
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

  // Engine order, except that results whose title is what the reader typed
  // come first, exact diacritics before folded ones, and that explanations
  // (hỏi đáp) follow the legal text they explain.
  function byTitle(data, terms) {
    var same = function (t) { return t; };
    return data.map(function (d, i) {
      var title = d.meta.title || "";
      var explanation = d.meta.kind === "hoi-dap" ? 1 : 0;
      // A question jumps ahead only when the reader typed most of it.
      var counts = function (c) { return explanation && c < 0.75 ? 0 : c; };
      return { d: d, i: i, exact: counts(coverage(title, terms, same)), folded: counts(coverage(title, terms, klFold)),
               explanation: explanation };
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
      return Promise.resolve();
    }
    if (!engine) meta.textContent = message("loading");
    return load().then(function (pf) {
      return pf.search(terms.join(" ")).then(function (search) {
        if (search.results.length || terms.length < 2 || mine !== sequence) return search.results;
        return anyTerm(pf, terms);
      });
    }).then(function (results) {
      if (!results || mine !== sequence) return null;
      return Promise.all(results.slice(0, SHOWN).map(function (r) { return r.data(); }))
        .then(function (data) {
          if (mine === sequence) render(byTitle(data, terms), results.length, terms);
        });
    }).catch(function () {
      if (mine === sequence) meta.textContent = message("error");
    });
  }

  function open() {
    var box = toggle();
    if (box && !box.checked) box.click();
    var field = input();
    if (field) { field.focus(); field.select(); }
    load();
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
      load();
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-kl-search-results] a")) close();
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
