// The web editor's date field and save guard, without a browser:
// `node --test tests/js/`. The same file (docs/assets/javascripts/editor.js)
// runs in /bien-tap/.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { dates, frontMatterComments } = require("../../docs/assets/javascripts/editor.js");

test("typed dates are read as dd/mm/yyyy, never month first", () => {
  assert.deepEqual(dates.parseShown("01/07/2025"), { y: 2025, m: 7, d: 1 });
  assert.deepEqual(dates.parseShown(" 1/7/2025 "), { y: 2025, m: 7, d: 1 });
  assert.deepEqual(dates.parseShown("28.11.2026"), { y: 2026, m: 11, d: 28 });
  assert.deepEqual(dates.parseShown("28-11-2026"), { y: 2026, m: 11, d: 28 });
  assert.equal(dates.parseShown("11/28/2026"), null);      // no 28th month
  assert.equal(dates.parseShown("31/02/2026"), null);      // no 31 February
  assert.equal(dates.parseShown("2026-11-28"), null);
  assert.equal(dates.parseShown("28/11/26"), null);
});

test("stored as the file needs: dd/mm/yyyy for the model, ISO for news posts", () => {
  assert.equal(dates.storedOf("1/7/2025", "dd/mm/yyyy"), "01/07/2025");
  assert.equal(dates.storedOf("1/7/2025", "yyyy-mm-dd"), "2025-07-01");
  assert.equal(dates.storedOf("", "yyyy-mm-dd"), "");
  assert.equal(dates.storedOf("hôm qua", "dd/mm/yyyy"), "hôm qua");   // kept, and the field says it is wrong
});

test("stored values are shown as dd/mm/yyyy", () => {
  assert.equal(dates.shownOf("2022-12-10"), "10/12/2022");
  assert.equal(dates.shownOf("14/01/2022"), "14/01/2022");
  assert.equal(dates.shownOf(new Date(Date.UTC(2022, 11, 10))), "10/12/2022");
  assert.equal(dates.shownOf(null), "");
  assert.match(dates.today("yyyy-mm-dd"), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(dates.today("dd/mm/yyyy"), /^\d{2}\/\d{2}\/\d{4}$/);
});

test("front matter comments are found, references and quoted # are not", () => {
  const raw = "---\nid: a\n# a note\nexplains:\n  - kl-14#muc-2-4\nq: \"a # b\"\nx: y # trailing\n---\n# Heading\n";
  assert.deepEqual(frontMatterComments(raw), ["# a note", "x: y # trailing"]);
  assert.deepEqual(frontMatterComments("---\nid: a\n---\n# Heading in the body\n"), []);
  assert.deepEqual(frontMatterComments(""), []);
});
