// The search engine's pure logic, without a browser: `node --test tests/js/`.
// The same file (docs/assets/javascripts/search-core.js) runs in the pages.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/javascripts/search-core.js");

// The index's constants as hooks/search/store.write puts them in meta.js.
const META = { records: 10, exact: "=", prefix: "^", minPrefix: 2 };

// A posting list as hooks/search/store.py writes it: record numbers as gaps, each
// followed by its level. `levels` maps record number to level.
function postings(levels) {
  const out = [];
  let previous = 0;
  for (const id of Object.keys(levels).map(Number).sort((a, b) => a - b)) {
    out.push(id - previous, levels[id]);
    previous = id;
  }
  return out;
}

// An index held in memory, reached as search.js reaches the shards; every
// key asked for is kept in `asked`.
function memory(index) {
  const asked = [];
  const lookup = (keys) => {
    asked.push(...keys);
    return Promise.resolve(keys.map((k) => (Object.hasOwn(index, k) ? index[k] : null)));
  };
  return { lookup, asked };
}

const find = (query, index) => core.find(META, query, memory(index).lookup);

test("fold, tokens and hash give what hooks/search/text.py and hooks/search/store.fnv1a give", () => {
  // Expected values computed once with hooks/search/text.py fold and tokens
  // and hooks/search/store.fnv1a (Python), and written here.
  const nfd = "Đổi mới, sáng tạo!".normalize("NFD");
  assert.equal(core.fold("Điều 5, khoản 2."), "dieu 5, khoan 2.");
  assert.equal(core.fold("73/2023/NĐ-CP"), "73/2023/nd-cp");
  assert.equal(core.fold("ĐẢNG CỘNG SẢN"), "dang cong san");
  assert.equal(core.fold("Ỵ"), "y");
  assert.equal(core.fold(nfd), "doi moi, sang tao!");
  assert.deepEqual(core.tokens("Điều 5, khoản 2."), ["điều", "5", "khoản", "2"]);
  assert.deepEqual(core.tokens("73/2023/NĐ-CP"), ["73", "2023", "nđ", "cp"]);
  assert.deepEqual(core.tokens("cán\u00a0bộ—năng…động"), ["cán", "bộ", "năng", "động"]);
  assert.deepEqual(core.tokens(nfd), ["đổi", "mới", "sáng", "tạo"]);   // NFC again
  assert.deepEqual(core.tokens(""), []);
  const hashes = { "": 2166136261, a: 3826002220, can: 4034148709, "cán": 2391427448, "=cán": 3371770593,
                   "can bo": 3053373432, "^xun": 3412727404, "điều": 1994168307 };
  for (const [text, h] of Object.entries(hashes)) assert.equal(core.hash(text), h, text);
});

test("plan: folded words once each, pairs and exact spellings as bonuses, the word being typed", () => {
  const p = core.plan(META, "Cán bộ năng động");
  assert.deepEqual(p.tokens, ["cán", "bộ", "năng", "động"]);
  assert.deepEqual(p.words, ["can", "bo", "nang", "dong"]);
  const E = core.EXACT_WEIGHT;
  assert.deepEqual(p.bonus, [
    { key: "=cán", weight: E },
    { key: "can bo", weight: 1 }, { key: "=bộ", weight: E },
    { key: "bo nang", weight: 1 }, { key: "=năng", weight: E },
    { key: "nang dong", weight: 1 }, { key: "=động", weight: E },
  ]);
  assert.equal(p.typing, "dong");
  assert.equal(p.partial, true);
  // A space or punctuation after the last word: it is finished.
  assert.equal(core.plan(META, "can bo ").partial, false);
  assert.equal(core.plan(META, "can bo,").partial, false);
  // A word typed twice is one group; its pair is still a bonus.
  const twice = core.plan(META, "can can");
  assert.deepEqual(twice.words, ["can"]);
  assert.deepEqual(twice.bonus, [{ key: "can can", weight: 1 }]);
  assert.equal(core.plan(META, " ,. ").typing, null);
});

test("pasted text is searched by its first 32 words", () => {
  const words = Array.from({ length: 40 }, (_, i) => "w" + (i + 1));
  const p = core.plan(META, words.join(" "));
  assert.equal(core.MAX_TOKENS, 32);
  assert.deepEqual(p.tokens, words.slice(0, 32));
  assert.deepEqual(p.words, words.slice(0, 32));
  // Cut short, the last word read is not one being typed.
  assert.equal(p.partial, false);
  const index = memory({});
  return core.find(META, words.join(" "), index.lookup).then(() => {
    assert.ok(index.asked.includes("w32"));
    assert.ok(!index.asked.some((k) => /\bw(3[3-9]|40)\b/.test(k)), index.asked);
  });
});

test("idf: BM25's, rarer terms weigh more", () => {
  const two = postings({ 1: 5, 4: 5 });
  assert.equal(core.idf(META, two), Math.log(1 + (10 - 2 + 0.5) / (2 + 0.5)));
  assert.ok(core.idf(META, postings({ 1: 5 })) > core.idf(META, two));
});

test("rank: records holding every word first, by score, then record number", () => {
  const group = (levels) => [{ list: postings(levels), weight: 1 }];
  // Records 1 and 3 score high but hold one word each; 4 and 5 tie.
  const a = group({ 0: 5, 1: 60, 2: 3, 4: 7, 5: 7 });
  const b = group({ 0: 5, 2: 3, 3: 60, 4: 7, 5: 7 });
  assert.deepEqual(core.rank(META, [a, b], []), [4, 5, 0, 2]);
  // A bonus adds to the score of records found, and finds nothing itself.
  const bonus = [{ list: postings({ 2: 63, 9: 63 }), weight: 1 }];
  assert.deepEqual(core.rank(META, [a, b], bonus), [2, 4, 5, 0]);
  // A group's alternatives count as one word held: record 0 holds both words.
  const both = [{ list: postings({ 0: 1 }), weight: 1 }, { list: postings({ 0: 1 }), weight: 1 }];
  assert.deepEqual(core.rank(META, [both, group({ 0: 1, 1: 1 })], []), [0]);
});

test("rank: when no record holds every word, records by how many they hold, then score", () => {
  const group = (levels) => [{ list: postings(levels), weight: 1 }];
  const found = core.rank(META, [group({ 0: 5, 1: 60, 2: 3 }), group({ 0: 5, 2: 3, 3: 50 }), []], []);
  assert.deepEqual(found, [0, 2, 1, 3]);
});

test("the word still being typed stands for its commonest completions", async () => {
  const index = {
    khen: postings({ 5: 10, 6: 10 }),
    thuong: postings({ 5: 10, 6: 10, 7: 10 }),
    "khen thuong": postings({ 5: 10, 6: 10 }),
    "^xun": ["xung", "xuan"],
    "^x": ["xung"],
    xung: postings({ 5: 10, 8: 10 }),
    xuan: postings({ 6: 40 }),
    // The completion that follows the previous word counts as a pair:
    // without it record 6 ("xuan", a higher level) would come first.
    "thuong xung": postings({ 5: 63 }),
  };
  assert.deepEqual(await find("khen thuong xun", index), [5, 6]);
  // Finished, "xun" is no word: no record holds all three.
  assert.deepEqual(await find("khen thuong xun ", index), [5, 6, 7]);
  // One letter says too little to guess a word from.
  assert.deepEqual(await find("x", index), []);
  // A word of the index is taken as typed, not completed.
  assert.deepEqual(await find("xung", index), [5, 8]);
});

test("exact diacritics break ties but do not lift a weaker record", async () => {
  const tie = { can: postings({ 0: 20, 1: 20 }), "=cân": postings({ 0: 20 }), "=cán": postings({ 1: 20 }) };
  assert.deepEqual(await find("cán", tie), [1, 0]);
  assert.deepEqual(await find("cân", tie), [0, 1]);
  assert.deepEqual(await find("can", tie), [0, 1]);
  const weaker = { can: postings({ 0: 40, 1: 20 }), "=cán": postings({ 1: 20 }) };
  assert.deepEqual(await find("cán", weaker), [0, 1]);
});

test("byTitle: titles the reader typed first, exact diacritics before folded, explanations after", () => {
  const titles = (data, query) => core.byTitle(data, core.tokens(query)).map((d) => d.title);
  const docs = [{ title: "Đoạn 1", kind: "clause" }, { title: "Cân", kind: "clause" },
                { title: "Cán", kind: "clause" }];
  assert.deepEqual(titles(docs, "cán"), ["Cán", "Cân", "Đoạn 1"]);
  assert.deepEqual(titles(docs, "can"), ["Cân", "Cán", "Đoạn 1"]);
  // Of titles partly typed, the one typed exactly goes first.
  const partly = [{ title: "Cân bộ năng động", kind: "clause" }, { title: "Cán bộ năng động", kind: "clause" }];
  assert.deepEqual(titles(partly, "cán bộ"), ["Cán bộ năng động", "Cân bộ năng động"]);
  // A title wholly typed, even without diacritics, before one partly typed.
  const whole = [{ title: "Cán bộ năng động", kind: "clause" }, { title: "Cân bộ", kind: "body" }];
  assert.deepEqual(titles(whole, "can bo"), ["Cân bộ", "Cán bộ năng động"]);
  const faq = [{ title: "Ai quyết định cho làm thí điểm?", kind: "faq" }, { title: "Điều 1", kind: "clause" }];
  assert.deepEqual(titles(faq, "thi diem"), ["Điều 1", "Ai quyết định cho làm thí điểm?"]);
  assert.deepEqual(titles(faq, "ai quyet dinh cho lam thi diem"), ["Ai quyết định cho làm thí điểm?", "Điều 1"]);
});

test("byTitle: a title's distinct words count once ('2.4' finds Mục 2.4 before Đoạn 2 mục 2.4)", () => {
  const data = [{ title: "Đoạn 2 mục 2.4 · Kết luận 14-KL/TW", kind: "clause" },
                { title: "Mục 2.4 · Kết luận 14-KL/TW", kind: "clause" }];
  assert.deepEqual(core.byTitle(data, core.tokens("2.4")).map((d) => d.title)[0], "Mục 2.4 · Kết luận 14-KL/TW");
});

test("byTitle: a document whose full title holds the query comes before pages that mention it", () => {
  const data = [
    { title: "Thanh Hóa triển khai Kết luận về cán bộ năng động", kind: "news" },
    { title: "Cán bộ năng động", kind: "page" },
    { title: "Nghị định 73/2023/NĐ-CP", kind: "document", alt: "Nghị định số 73/2023/NĐ-CP quy định về khuyến khích, bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm" },
    { title: "Kết luận 14-KL/TW", kind: "document", alt: "Kết luận số 14-KL/TW về chủ trương khuyến khích và bảo vệ cán bộ năng động" },
    { title: "Bộ Chính trị", kind: "body" },
    { title: "Ban Thường vụ Tỉnh ủy Thanh Hóa", kind: "body", alt: "Ban Thường vụ Tỉnh ủy" },
    { title: "Kế hoạch 116/KH-UBND", kind: "document", alt: "Kế hoạch số 116/KH-UBND về việc thực hiện Chương trình của Ban Thường vụ Tỉnh uỷ" },
  ];
  const titles = (query) => core.byTitle(data, core.tokens(query)).map((d) => d.title);
  // A title wholly typed still comes first; then documents, the closest name first; then the rest.
  assert.deepEqual(titles("can bo nang dong").slice(0, 4),
                   ["Cán bộ năng động", "Kết luận 14-KL/TW", "Nghị định 73/2023/NĐ-CP",
                    "Thanh Hóa triển khai Kết luận về cán bộ năng động"]);
  assert.deepEqual(titles("bao ve can bo nang dong").slice(0, 2), ["Kết luận 14-KL/TW", "Nghị định 73/2023/NĐ-CP"]);
  // A name is a document's: a news post's words elsewhere do not lift it.
  assert.deepEqual(titles("bo chinh tri")[0], "Bộ Chính trị");
  // A body's short name typed whole is the body, before a document whose summary names it.
  assert.deepEqual(titles("ban thuong vu tinh uy").slice(0, 2),
                   ["Ban Thường vụ Tỉnh ủy Thanh Hóa", "Kế hoạch 116/KH-UBND"]);
});

test("kinds: counts and filters by the index's ranges of kinds, with no record loaded", () => {
  const meta = { kinds: [["document", "Văn bản", 0, 2], ["clause", "Điều khoản", 2, 6], ["faq", "Hỏi đáp", 6, 8]] };
  const found = [3, 0, 7, 4, 2];
  assert.deepEqual(core.kindCounts(meta, found), [
    { kind: "document", label: "Văn bản", count: 1 }, { kind: "clause", label: "Điều khoản", count: 3 },
    { kind: "faq", label: "Hỏi đáp", count: 1 }]);
  assert.deepEqual(core.ofKind(meta, found, "clause"), [3, 4, 2]);      // in the order found
  assert.deepEqual(core.ofKind(meta, found, null), found);
  assert.deepEqual(core.ofKind(meta, found, "news"), []);
  assert.deepEqual(core.kindCounts(meta, [7]), [{ kind: "faq", label: "Hỏi đáp", count: 1 }]);
  assert.equal(core.kindOf(meta, 8), null);
  assert.equal(core.label(meta, "clause"), "Điều khoản");
  assert.equal(core.label(meta, "news"), "");
});

test("excerpt: matching words marked on folded text, HTML escaped, a window around the first", () => {
  assert.equal(core.excerpt("a <b> <Điều>, x", ["dieu"]), "a &lt;b&gt; <mark>&lt;Điều&gt;,</mark> x");
  const hit = core.matcher(["đi"]);
  assert.ok(hit("Điều") && hit("điểm") && !hit("dân"));
  assert.ok(!core.matcher(["d"])("Điều"));            // one letter is no prefix
  const long = Array.from({ length: 60 }, (_, i) => (i === 30 ? "Đảng" : "x" + i)).join(" ");
  const shown = core.excerpt(long, ["dang"]);
  assert.ok(shown.startsWith("… x22 ") && shown.endsWith(" x49 …"), shown);
  assert.ok(shown.includes("<mark>Đảng</mark>"));
});
