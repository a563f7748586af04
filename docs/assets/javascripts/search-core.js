/* The pure part of search: folding, query planning, ranking and excerpts.
 *
 * No DOM and no loading: the index is reached through a `lookup(keys)`
 * function the caller passes, resolving to each key's stored value (or
 * null). search.js passes one that loads shards as scripts; Node's tests
 * (tests/js/search-core.test.js) pass an index held in memory. One engine
 * for both: a classic script that sets window.klSearchCore in the browser
 * and module.exports in Node.
 *
 * fold, tokens and hash mirror hooks/search/text.py and
 * hooks/search/store.fnv1a exactly; the index format is hooks/search/store.write's.
 */
(function (root, core) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = core;
  } else {
    root.klSearchCore = core;
    // Also as globals: the Chromium test compares them with the Python.
    root.klFold = core.fold;
    root.klTokens = core.tokens;
    root.klHash = core.hash;
  }
})(this, (function () {
  "use strict";

  // The exact diacritics put "cán" before "cân" for "cán", as a tie-breaker
  // rather than a reason to prefer a weaker record.
  var EXACT_WEIGHT = 0.25;
  // A completion of the word still being typed counts less than a typed word.
  var PREFIX_WEIGHT = 0.5;
  // A pasted paragraph is searched by its first words, not one file per word.
  var MAX_TOKENS = 32;
  var EXCERPT_WORDS = 28;

  // đ is a letter of its own, not d plus a mark: fold it before NFD.
  function fold(text) {
    return text.normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().normalize("NFC");
  }

  // Runs of letters, digits and marks; punctuation separates ("luật," -> "luật").
  function tokens(text) {
    return (text.toLowerCase().normalize("NFD").match(/[\p{L}\p{N}\p{M}]+/gu) || [])
      .map(function (t) { return t.normalize("NFC"); });
  }

  // 32-bit FNV-1a of the UTF-8 bytes: which shard holds a term.
  function hash(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  // BM25's idf of a posting list ([gap, level, gap, level, …]).
  function idf(meta, list) {
    var df = list.length / 2;
    return Math.log(1 + (meta.records - df + 0.5) / (df + 0.5));
  }

  // What to look up for a query: each distinct folded word (a group: a
  // record holds the word or not), each pair of adjacent words and each word
  // typed with diacritics (bonuses), and whether the last word is still
  // being typed (no space or punctuation after it).
  function plan(meta, query) {
    var all = tokens(query);
    var typed = all.slice(0, MAX_TOKENS);
    var folded = typed.map(fold);
    var words = folded.filter(function (w, i) { return folded.indexOf(w) === i; });
    var bonus = [];
    folded.forEach(function (w, i) {
      if (i) bonus.push({ key: folded[i - 1] + " " + w, weight: 1 });
      if (typed[i] !== w) bonus.push({ key: meta.exact + typed[i], weight: EXACT_WEIGHT });
    });
    return { tokens: typed, words: words, bonus: bonus,
             typing: words.length ? folded[folded.length - 1] : null,
             partial: typed.length === all.length && /[\p{L}\p{N}\p{M}]$/u.test(query) };
  }

  // Each group is the lists of one query word. A word not in the index and
  // still being typed stands for its commonest completions, and each
  // completion that follows the previous word in the text ("thuong xung")
  // counts as a pair. Resolves to [groups, extra bonus lists].
  function groups(meta, p, lookup) {
    return lookup(p.words).then(function (lists) {
      var out = lists.map(function (list) { return list ? [{ list: list, weight: 1 }] : []; });
      var at = p.words.indexOf(p.typing);
      if (!p.partial || at < 0 || out[at].length || p.typing.length < meta.minPrefix) return [out, []];
      return lookup([meta.prefix + p.typing]).then(function (found) {
        var words = found[0] || [];
        var before = p.tokens.length > 1 ? fold(p.tokens[p.tokens.length - 2]) : null;
        var pairs = before ? words.map(function (w) { return before + " " + w; }) : [];
        return lookup(words.concat(pairs)).then(function (more) {
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
  // Ties: higher score, then lower record number.
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

  // The record numbers a query finds, best first.
  function find(meta, query, lookup) {
    var p = plan(meta, query);
    var keys = p.bonus.map(function (b) { return b.key; });
    return Promise.all([groups(meta, p, lookup), lookup(keys)]).then(function (got) {
      var bonusLists = p.bonus.map(function (b, i) { return { list: got[1][i], weight: b.weight }; });
      return rank(meta, got[0][0], bonusLists.concat(got[0][1]));
    });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // Whether a word matches one of the query's terms: on folded words, as the
  // index compares, and a term of two letters or more may begin the word.
  function matcher(terms) {
    var folded = terms.map(fold);
    return function (word) {
      return tokens(word).map(fold).some(function (w) {
        return folded.some(function (t) { return w === t || (t.length > 1 && w.indexOf(t) === 0); });
      });
    };
  }

  // A window of the record's text around the first query word, as HTML,
  // the matching words marked.
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

  // How much of a title the query names, when it names all query words:
  // the share of the title's distinct words typed. "Bộ Chính trị" is the
  // body's page, not a post that mentions it; "Mục 2.4" comes before
  // "Đoạn 2 mục 2.4" for "2.4".
  function coverage(title, terms, key) {
    var words = tokens(title).map(key).filter(function (w, i, all) { return all.indexOf(w) === i; });
    var wanted = terms.map(key);
    if (!words.length || !wanted.every(function (t) { return words.indexOf(t) >= 0; })) return 0;
    return words.filter(function (w) { return wanted.indexOf(w) >= 0; }).length / words.length;
  }

  // Records ({title, kind, alt, …}) in index order, except that:
  // - those whose title, or other title (`alt`: a body's short name), is
  //   wholly what the reader typed come first, exact diacritics before
  //   folded ones;
  // - then documents and bodies whose other title (a document's number and
  //   summary) holds every word typed, above the pages that mention them
  //   (issue 13);
  // - then titles that hold every word typed, by how much of them was typed;
  // - explanations (hỏi đáp) follow the legal text they explain.
  function byTitle(data, terms) {
    var same = function (t) { return t; };
    return data.map(function (d, i) {
      var explanation = d.kind === "faq" ? 1 : 0;
      // A question jumps ahead only when the reader typed most of it.
      var counts = function (c) { return explanation && c < 0.75 ? 0 : c; };
      var exact = counts(coverage(d.title, terms, same));
      var folded = counts(coverage(d.title, terms, fold));
      var named = d.alt ? coverage(d.alt, terms, fold) : 0;
      var namedExact = d.alt ? coverage(d.alt, terms, same) : 0;
      var whole = exact === 1 || namedExact === 1 ? 2 : folded === 1 || named === 1 ? 1 : 0;
      return { d: d, i: i, whole: whole, named: named, exact: exact, folded: folded, explanation: explanation };
    }).sort(function (a, b) {
      return b.whole - a.whole || (b.named > 0) - (a.named > 0) || b.exact - a.exact || b.folded - a.folded ||
        b.named - a.named || a.explanation - b.explanation || a.i - b.i;
    }).map(function (x) { return x.d; });
  }

  // The reader's filter by kind. meta.kinds holds [kind, label, first, end]
  // for each kind: the index keeps each kind's records together.
  function kindOf(meta, id) {
    var kinds = meta.kinds || [];
    for (var k = 0; k < kinds.length; k++) if (id >= kinds[k][2] && id < kinds[k][3]) return kinds[k][0];
    return null;
  }

  // [{kind, label, count}] of the records found, in the index's order of
  // kinds, kinds with none left out.
  function kindCounts(meta, found) {
    return (meta.kinds || []).map(function (k) {
      var count = 0;
      for (var i = 0; i < found.length; i++) if (found[i] >= k[2] && found[i] < k[3]) count++;
      return { kind: k[0], label: k[1], count: count };
    }).filter(function (k) { return k.count > 0; });
  }

  // The records found of one kind (all of them when kind is null), in order.
  function ofKind(meta, found, kind) {
    if (!kind) return found;
    return found.filter(function (id) { return kindOf(meta, id) === kind; });
  }

  function label(meta, kind) {
    var found = (meta.kinds || []).filter(function (k) { return k[0] === kind; })[0];
    return found ? found[1] : "";
  }

  return { fold: fold, tokens: tokens, hash: hash, idf: idf, plan: plan, groups: groups, rank: rank,
           find: find, escapeHtml: escapeHtml, matcher: matcher, excerpt: excerpt, byTitle: byTitle,
           kindOf: kindOf, kindCounts: kindCounts, ofKind: ofKind, label: label,
           EXACT_WEIGHT: EXACT_WEIGHT, PREFIX_WEIGHT: PREFIX_WEIGHT, MAX_TOKENS: MAX_TOKENS };
})());
