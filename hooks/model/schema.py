"""One typed model of the front matter: validates it at build time and emits
the JSON Schema that describes the same records in the open data."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hooks.model import vocab
from hooks.model.errors import shown
from hooks.text import dates

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str                      # str | id | date | enum | ref | bool | list | object
    doc: str                       # Vietnamese description, shown in the guide and the schema
    required: bool = True
    nullable: bool = False         # null means "not known" and is shown as such
    enum: dict[str, str] | None = None
    item: Field | None = None    # for lists
    fields: tuple[Field, ...] = ()  # for objects
    example: Any = None


@dataclass
class Problem:
    field: str
    vi: str
    en: str
    fix_vi: str
    fix_en: str


def _check(spec: Field, value: Any, path: str, out: list[Problem]) -> None:
    if value is None:
        if not spec.nullable:
            out.append(Problem(path, "không được để trống.", "must not be empty.",
                               f"ghi một giá trị, ví dụ: {shown(spec.example)}.",
                               f"give a value, e.g. {shown(spec.example)}."))
        return
    kind = spec.kind
    if kind in ("str", "id", "ref", "date", "enum"):
        if not isinstance(value, str) or not value.strip():
            out.append(Problem(path, f"phải là một chuỗi chữ, đang là {shown(value)}.",
                               f"must be text, got {shown(value)}.",
                               f"ví dụ: {shown(spec.example)}.", f"e.g. {shown(spec.example)}."))
            return
    if kind in ("id", "ref") and not ID_RE.match(value):
        out.append(Problem(path, f"mã {shown(value)} không hợp lệ.", f"id {shown(value)} is not valid.",
                           "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ 'so-noi-vu'.",
                           "ids are lower-case ASCII letters, digits and dashes, e.g. 'so-noi-vu'."))
    elif kind == "date":
        try:
            dates.parse_dmy(value)
        except ValueError as exc:
            real = str(exc) != "format"
            out.append(Problem(
                path,
                f"{shown(value)} không phải ngày có thật." if real else f"{shown(value)} không đúng dạng ngày.",
                f"{shown(value)} is not a real date." if real else f"{shown(value)} is not a date.",
                "ghi ngày có thật theo dạng dd/mm/yyyy, ví dụ '22/09/2021'.",
                "write a real date as dd/mm/yyyy, e.g. '22/09/2021'."))
    elif kind == "enum" and value not in (spec.enum or {}):
        allowed = ", ".join(spec.enum or {})
        out.append(Problem(path, f"giá trị {shown(value)} không có trong danh mục.",
                           f"unknown value {shown(value)}.",
                           f"dùng một trong: {allowed}.", f"use one of: {allowed}."))
    elif kind == "bool" and not isinstance(value, bool):
        out.append(Problem(path, f"phải là true hoặc false, đang là {shown(value)}.",
                           f"must be true or false, got {shown(value)}.", "ghi true hoặc false.",
                           "write true or false."))
    elif kind == "list":
        if not isinstance(value, list):
            out.append(Problem(path, "phải là một danh sách.", "must be a list.",
                               f"ví dụ: {shown(spec.example)}.", f"e.g. {shown(spec.example)}."))
            return
        assert spec.item is not None
        for i, item in enumerate(value):
            _check(spec.item, item, f"{path}[{i}]", out)
    elif kind == "object":
        if not isinstance(value, dict):
            out.append(Problem(path, "phải là một nhóm trường 'khóa: giá trị'.",
                               "must be a mapping of 'key: value'.",
                               f"ví dụ: {shown(spec.example)}.", f"e.g. {shown(spec.example)}."))
            return
        validate_mapping(spec.fields, value, out, prefix=f"{path}.")


def _missing_fix(spec: Field) -> tuple[str, str]:
    """How to add a missing field, from its own kind and meaning: never
    another document's value (a missing number in kh-116 must not suggest
    14-KL/TW)."""
    if spec.enum:
        values = ", ".join(spec.enum)
        return (f"thêm dòng '{spec.name}: …' với một trong: {values} ({spec.doc}).",
                f"add '{spec.name}: …' with one of: {values}.")
    if spec.nullable:
        return (f"thêm dòng '{spec.name}: …' ({spec.doc}); ghi '{spec.name}: null' nếu chưa biết.",
                f"add '{spec.name}: …', or '{spec.name}: null' if not known.")
    return f"thêm dòng '{spec.name}: …' ({spec.doc}).", f"add '{spec.name}: …'."


def validate_mapping(specs: tuple[Field, ...], data: dict, out: list[Problem],
                     prefix: str = "") -> None:
    known = {s.name for s in specs}
    for spec in specs:
        if spec.name not in data:
            if spec.required:
                out.append(Problem(prefix + spec.name, "thiếu trường bắt buộc.",
                                   "required field is missing.", *_missing_fix(spec)))
            continue
        _check(spec, data[spec.name], prefix + spec.name, out)
    for key in data:
        if key not in known:
            names = ", ".join(sorted(known))
            out.append(Problem(prefix + str(key), "trường không có trong mô hình.",
                               "unknown field.", f"các trường hợp lệ: {names}.",
                               f"valid fields: {names}."))


def validate(specs: tuple[Field, ...], data: dict) -> list[Problem]:
    out: list[Problem] = []
    validate_mapping(specs, data, out)
    return out


def json_schema(specs: tuple[Field, ...], title: str) -> dict:
    """The JSON Schema (draft 2020-12) of records with these fields."""
    def one(spec: Field) -> dict:
        node: dict[str, Any] = {"description": spec.doc}
        if spec.kind in ("str",):
            node["type"] = "string"
        elif spec.kind in ("id", "ref"):
            node.update(type="string", pattern=ID_RE.pattern)
        elif spec.kind == "date":
            node.update(type="string", pattern=r"^\d{1,2}/\d{1,2}/\d{4}$")   # 27/4/2022 as officials write it
        elif spec.kind == "enum":
            node.update(type="string", enum=list(spec.enum or {}))
        elif spec.kind == "bool":
            node["type"] = "boolean"
        elif spec.kind == "list":
            assert spec.item is not None
            node.update(type="array", items=one(spec.item))
        elif spec.kind == "object":
            node.update(obj(spec.fields))
        if spec.nullable:
            node = {"description": spec.doc, "anyOf": [{k: v for k, v in node.items() if k != "description"}, {"type": "null"}]}
        return node

    def obj(fields_: tuple[Field, ...]) -> dict:
        return {"type": "object", "additionalProperties": False,
                "required": [f.name for f in fields_ if f.required],
                "properties": {f.name: one(f) for f in fields_}}

    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **obj(specs)}


_TARGET = Field("_", "str", "văn bản hoặc điều khoản: 'kl-14' hoặc 'kl-14#muc-2-4'", example="kl-14#muc-2-4")

TASK: tuple[Field, ...] = (
    Field("id", "id", "mã nhiệm vụ trong văn bản, dạng nhiem-vu-N", example="nhiem-vu-1"),
    Field("what", "str", "nội dung nhiệm vụ, trích nguyên văn từ điều khoản nêu nhiệm vụ", example="..."),
    Field("stated_in", "str", "điều khoản của văn bản này nêu nhiệm vụ (mã điều khoản)", example="noi-dung-7"),
    Field("lead", "ref", "cơ quan chủ trì (mã cơ quan); null nếu văn bản không nêu", nullable=True,
          example="so-noi-vu"),
    Field("support", "list", "các cơ quan phối hợp (mã cơ quan)", required=False,
          item=Field("_", "ref", "mã cơ quan", example="ubnd-tinh"), example=["ubnd-tinh"]),
    Field("deadline", "date", "thời hạn dd/mm/yyyy; null nếu văn bản không nêu", nullable=True,
          example="31/12/2022"),
    Field("implements", "list", "văn bản, điều khoản mà chính văn bản nêu là nhiệm vụ này thực hiện",
          required=False, item=_TARGET, example=["kl-14"]),
    Field("editor_implements", "list",
          "điều khoản mà biên tập viên xác định là nhiệm vụ này cụ thể hóa (không do văn bản nêu)",
          required=False, item=_TARGET, example=["kl-14#muc-2-1"]),
)

_DOC_REF = Field("_", "ref", "mã văn bản", example="kl-14")

DOCUMENT: tuple[Field, ...] = (
    Field("id", "id", "mã văn bản, trùng tên tệp", example="kl-14"),
    Field("number", "str", "số hiệu; null nếu chưa rõ", nullable=True, example="14-KL/TW"),
    Field("type", "enum", "loại văn bản; null nếu chưa rõ", enum=vocab.DOC_TYPES, nullable=True, example="ket-luan"),
    Field("issuer", "ref", "cơ quan ban hành (mã cơ quan); null nếu chưa rõ", nullable=True, example="bo-chinh-tri"),
    Field("signer", "object", "người ký; null nếu chưa rõ", nullable=True,
          example={"name": "Võ Văn Thưởng", "title": "Thường trực Ban Bí thư"},
          fields=(Field("name", "str", "họ tên người ký", nullable=True, example="Võ Văn Thưởng"),
                  Field("title", "str", "chức vụ", nullable=True, example="Thường trực Ban Bí thư"),
                  Field("on_behalf", "str", "thẩm quyền ký, ví dụ T/M Bộ Chính trị",
                        required=False, nullable=True, example="T/M Bộ Chính trị"))),
    Field("issued", "date", "ngày ban hành, dd/mm/yyyy; null nếu chưa rõ", nullable=True, example="22/09/2021"),
    Field("effective", "date", "ngày có hiệu lực; null nếu chưa rõ", nullable=True, example="29/09/2023"),
    Field("legal_status", "enum", "tình trạng hiệu lực", enum=vocab.STATUSES, example="chua-xac-dinh"),
    Field("summary", "str", "trích yếu; null nếu chưa rõ", nullable=True, example="về chủ trương ..."),
    Field("fields", "list", "lĩnh vực", required=False, item=Field("_", "str", "lĩnh vực", example="Tổ chức cán bộ"),
          example=["Tổ chức cán bộ"]),
    Field("implements", "list", "các văn bản mà văn bản này thực hiện", required=False,
          item=_DOC_REF, example=["kl-14"]),
    Field("based_on", "list", "các văn bản căn cứ", required=False, item=_DOC_REF, example=["kl-14"]),
    Field("related", "list", "các văn bản liên quan", required=False, item=_DOC_REF, example=["kl-14"]),
    Field("text", "object", "mức độ đầy đủ của văn bản đăng trên trang và nguồn",
          example={"completeness": "mot-phan", "source": "..."},
          fields=(Field("completeness", "enum", "toàn văn, một phần hay chưa có", enum=vocab.COMPLETENESS,
                        example="mot-phan"),
                  Field("source", "str", "nguồn của phần văn bản đăng trên trang", example="Bài viết ..."),
                  Field("missing", "list", "các phần chưa có", required=False,
                        item=Field("_", "str", "phần chưa có", example="Mục 3"), example=["Mục 3"]))),
    Field("redirects", "list",
          "mã tạm (noi-dung-N) đã thay bằng điều khoản của toàn văn; liên kết cũ dẫn đến điều khoản mới",
          required=False,
          item=Field("_", "object", "một mã tạm và điều khoản thay nó",
                     fields=(Field("from", "str", "mã tạm cũ, dạng noi-dung-N", example="noi-dung-1"),
                             Field("to", "str", "mã điều khoản thay thế trong văn bản này", example="muc-1")),
                     example={"from": "noi-dung-1", "to": "muc-1"}),
          example=[{"from": "noi-dung-1", "to": "muc-1"}]),
    Field("tasks", "list", "các nhiệm vụ văn bản giao", required=False,
          item=Field("_", "object", "nhiệm vụ", fields=TASK, example={"id": "nhiem-vu-1"}),
          example=[{"id": "nhiem-vu-1"}]),
    Field("plain_summary", "str",
          "tóm tắt dễ hiểu (giải thích, không phải văn bản pháp luật); đoạn cách nhau bằng một dòng trống",
          required=False, nullable=True, example="Kết luận nói về ..."),
)

BODY: tuple[Field, ...] = (
    Field("id", "id", "mã cơ quan, trùng tên tệp", example="so-noi-vu"),
    Field("name", "str", "tên đầy đủ", example="Sở Nội vụ tỉnh Thanh Hóa"),
    Field("short_name", "str", "tên ngắn", nullable=True, example="Sở Nội vụ"),
    Field("level", "enum", "cấp", enum=vocab.BODY_LEVELS, example="tinh"),
    Field("parent", "ref", "cơ quan cấp trên (mã); null nếu không nêu", nullable=True, example="ubnd-tinh"),
    Field("group", "bool", "true nếu là một nhóm cơ quan (ví dụ các sở, ban, ngành)",
          required=False, example=False),
)

FAQ: tuple[Field, ...] = (
    Field("id", "id", "mã hỏi đáp, trùng tên tệp; địa chỉ trang là /hoi-dap/<mã>/",
          example="thi-diem-khong-thanh-cong"),
    Field("question", "str", "câu hỏi, viết như người đọc hỏi",
          example="Thí điểm không thành công thì cán bộ có bị xử lý không?"),
    Field("audience", "list", "dành cho ai: một hoặc nhiều trong " + ", ".join(vocab.AUDIENCES),
          item=Field("_", "enum", "đối tượng", enum=vocab.AUDIENCES, example="cong-dan"), example=["cong-dan"]),
    Field("topic", "enum", "chủ đề", enum=vocab.FAQ_TOPICS, example="trach-nhiem"),
    Field("explains", "list", "các điều khoản được giải thích (ít nhất một), dạng 'mã-văn-bản#mã-điều-khoản'",
          item=Field("_", "str", "điều khoản: 'kl-14#muc-2-4'", example="kl-14#muc-2-4"),
          example=["kl-14#muc-2-4"]),
    Field("reviewed", "date", "ngày rà soát gần nhất, dd/mm/yyyy; null nếu chưa rà soát", nullable=True,
          example="27/11/2026"),
)

# Page-level keys that MkDocs and Material read; allowed beside the model.
PAGE_KEYS: tuple[Field, ...] = (
    Field("title", "str", "tiêu đề trang", required=False, example="..."),
    Field("description", "str", "mô tả ngắn", required=False, example="..."),
    Field("hide", "list", "ẩn thành phần", required=False, item=Field("_", "str", "", example="toc"), example=["toc"]),
)
