/* What the web editor (/bien-tap/) adds to Decap CMS. Loaded after
 * decap-cms.js and bien-tap/editor-data.js (window.KL_EDITOR, written at
 * build by hooks/publish/editor_config.py):
 * - a date field "ngay" that shows and accepts dd/mm/yyyy whatever the
 *   browser's language (Decap's own date picker follows the browser's
 *   locale), storing what the file needs: dd/mm/yyyy in the model's files,
 *   yyyy-mm-dd in news posts (the blog plugin reads ISO dates);
 * - dates of the review board as dd/mm/yyyy;
 * - the site's stylesheets in the preview of news posts and FAQs;
 * - files saved the way the build reads them: NFC text, a field the model
 *   allows to be null written as null when left empty (Decap would leave it
 *   out, which the build rejects); and no save of a file whose front matter
 *   has YAML comments (Decap rewrites the YAML and would drop them) or of a
 *   section page (index.md) through a collection of items.
 * The date logic is plain functions, tested in Node (tests/js/). */
(function () {
  "use strict";

  var SHOWN = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  var DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // {y, m, d} if it is a real calendar day, else null.
  function day(y, m, d) {
    var t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
    return { y: y, m: m, d: d };
  }

  // What an editor typed: "28/11/2026", "1/7/2025", "01-07-2025", "01.07.2025".
  function parseShown(text) {
    var m = SHOWN.exec(String(text || ""));
    return m ? day(+m[3], +m[2], +m[1]) : null;
  }

  // A value read from a file: a string in the storage format, or a Date
  // (a YAML timestamp).
  function parseStored(value) {
    if (value instanceof Date && !isNaN(value)) {
      return day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    }
    var s = String(value || "");
    var m = ISO.exec(s.slice(0, 10));
    if (m) return day(+m[1], +m[2], +m[3]);
    m = DMY.exec(s);
    return m ? day(+m[3], +m[2], +m[1]) : null;
  }

  function show(d) {
    return pad(d.d) + "/" + pad(d.m) + "/" + d.y;
  }

  function store(d, storage) {
    return storage === "yyyy-mm-dd" ? d.y + "-" + pad(d.m) + "-" + pad(d.d) : show(d);
  }

  // The text shown for a stored value (unreadable values shown as they are).
  function shownOf(value) {
    if (value === undefined || value === null || value === "") return "";
    var d = parseStored(value);
    return d ? show(d) : String(value);
  }

  // The value to store for what was typed: "" when empty, the text itself
  // when it is no date (the field then says so and the entry cannot be saved).
  function storedOf(text, storage) {
    if (!String(text || "").trim()) return "";
    var d = parseShown(text);
    return d ? store(d, storage) : String(text);
  }

  function today(storage) {
    var now = new Date();
    return store({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() }, storage);
  }

  var dates = { parseShown: parseShown, parseStored: parseStored, shownOf: shownOf,
                storedOf: storedOf, today: today };

  // Does a file's front matter hold YAML comments? (Decap would drop them.)
  function frontMatterComments(raw) {
    var m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(String(raw || ""));
    if (!m) return [];
    return m[1].split(/\r?\n/).filter(function (line) {
      return /^\s*#/.test(line) || /\s#(\s|$)/.test(line.replace(/"[^"]*"|'[^']*'/g, ""));
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { dates: dates, frontMatterComments: frontMatterComments };
    return;
  }

  var CMS = window.CMS;
  var h = window.h;
  var data = window.KL_EDITOR || { styles: [], nullable: {}, items: [] };
  var MESSAGE = "Ngày phải viết dạng dd/mm/yyyy, ví dụ 28/11/2026.";

  // --- The date field --------------------------------------------------------
  function storageOf(field) {
    return field.get("storage") || "dd/mm/yyyy";
  }

  var DateControl = window.createClass({
    getInitialState: function () {
      return { text: shownOf(this.props.value) };
    },
    componentDidMount: function () {
      var field = this.props.field;
      if (field.get("default_today") && !this.props.value) {
        var value = today(storageOf(field));
        this.setState({ text: shownOf(value) });
        this.props.onChange(value);
      }
    },
    componentDidUpdate: function (previous) {
      // A value set from outside (e.g. an entry loaded): show it.
      if (previous.value !== this.props.value &&
          storedOf(this.state.text, storageOf(this.props.field)) !== (this.props.value || "")) {
        this.setState({ text: shownOf(this.props.value) });
      }
    },
    isValid: function () {
      var text = this.state.text;
      return !String(text || "").trim() || parseShown(text) ? true : { error: { message: MESSAGE } };
    },
    onChange: function (event) {
      var text = event.target.value;
      this.setState({ text: text });
      this.props.onChange(storedOf(text, storageOf(this.props.field)));
    },
    onBlur: function () {
      var d = parseShown(this.state.text);
      if (d) this.setState({ text: shownOf(storedOf(this.state.text, "dd/mm/yyyy")) });
      this.props.setInactiveStyle();
    },
    render: function () {
      return h("input", {
        type: "text", id: this.props.forID, className: this.props.classNameWrapper,
        value: this.state.text, placeholder: "dd/mm/yyyy", inputMode: "numeric", autoComplete: "off",
        onChange: this.onChange, onFocus: this.props.setActiveStyle, onBlur: this.onBlur,
      });
    },
  });

  function DatePreview(props) {
    return h("p", {}, shownOf(props.value));
  }

  CMS.registerWidget("ngay", DateControl, DatePreview);

  // Decap's Vietnamese: the review board writes each card's date with
  // "D MMMM", and the status button reads "Trạng: …" (a word cut short).
  var vi = CMS.getLocale("vi");
  if (vi && vi.workflow && vi.editor) {
    vi.workflow.workflow.dateFormat = "DD/MM/YYYY";
    vi.editor.editorToolbar.status = "Trạng thái: %{status}";
    CMS.registerLocale("vi", vi);
  }

  // --- Preview with the site's own stylesheets --------------------------------
  data.styles.forEach(function (href) { CMS.registerPreviewStyle(href); });
  function markdown(props) {
    return h("article", { className: "md-typeset" }, props.widgetFor("body"));
  }
  function titled(field) {
    return function (props) {
      return h("div", { className: "md-content__inner md-typeset" },
               h("h1", {}, props.entry.getIn(["data", field])), markdown(props));
    };
  }
  CMS.registerPreviewTemplate("tin-tuc", titled("title"));
  CMS.registerPreviewTemplate("hoi-dap", titled("question"));

  // --- Saving ----------------------------------------------------------------
  function empty(v) {
    if (v === undefined || v === null || v === "") return true;
    return typeof v === "object" && v.every !== undefined && v.every(empty);
  }
  function tidy(value, shape) {
    if (typeof value === "string") return value.normalize("NFC");
    if (!value || typeof value !== "object" || !value.map) return value;
    if (value.push) return value.map(function (v) { return tidy(v, shape); });   // a list: items share the shape
    value = value.map(function (v, k) { return tidy(v, shape && shape[k]); });
    Object.keys(shape && typeof shape === "object" ? shape : {}).forEach(function (k) {
      var s = shape[k];
      if ((s === true || (s && s._null)) && empty(value.get(k))) value = value.set(k, null);
    });
    return value;
  }
  CMS.registerEventListener({ name: "preSave", handler: function (args) {
    var entry = args.entry;
    var collection = entry.get("collection");
    if (data.items.indexOf(collection) >= 0 && entry.get("slug") === "index") {
      throw new Error("Đây là trang mục lục (index.md), không sửa ở đây. Nhờ người quản trị sửa tệp.");
    }
    var comments = entry.get("newRecord") ? [] : frontMatterComments(entry.get("raw"));
    if (comments.length) {
      throw new Error("Tệp " + entry.get("path") + " có ghi chú (dòng bắt đầu bằng #) trong phần " +
                      "thông tin đầu tệp; trình biên tập không giữ được ghi chú nên không lưu. " +
                      "Nhờ người quản trị chuyển ghi chú vào nội dung hoặc một trường rồi sửa lại.");
    }
    return tidy(entry.get("data"), data.nullable[collection] || {});
  } });
})();
