import copy

from hooks.model import schema

GOOD = {
    "id": "kl-14", "number": "14-KL/TW", "type": "ket-luan", "issuer": "bo-chinh-tri",
    "signer": {"name": "Võ Văn Thưởng", "title": "Thường trực Ban Bí thư"},
    "issued": "22/09/2021", "effective": None, "legal_status": "chua-xac-dinh",
    "summary": "về chủ trương", "text": {"completeness": "mot-phan", "source": "bài viết"},
}


def fields(problems):
    return [p.field for p in problems]


def test_good_document_passes():
    assert schema.validate(schema.DOCUMENT, GOOD) == []


def test_each_kind_of_mistake_names_its_field():
    bad = copy.deepcopy(GOOD)
    del bad["number"]
    bad["issued"] = "30/02/2021"
    bad["type"] = "thong-tu-lien-tich"
    bad["text"]["completeness"] = "day-du"
    bad["implements"] = "kl-14"
    bad["colour"] = "red"
    problems = schema.validate(schema.DOCUMENT, bad)
    assert sorted(fields(problems)) == sorted(["number", "issued", "type", "text.completeness",
                                               "implements", "colour"])
    by_field = {p.field: p for p in problems}
    assert "không phải ngày có thật" in by_field["issued"].vi
    assert "ket-luan" in by_field["type"].fix_vi  # lists what would be valid
    assert "dd/mm/yyyy" in by_field["issued"].fix_en


def test_null_only_where_unknown_is_allowed():
    # A new document may not know its number, type, issuer, date or summary
    # yet (what `make new KIND=van-ban` writes); its status has its own
    # "unknown" value and its text block is always described.
    unknown = dict(GOOD, number=None, type=None, issuer=None, issued=None, summary=None, effective=None)
    assert schema.validate(schema.DOCUMENT, unknown) == []
    bad = dict(GOOD, legal_status=None, text=None)
    assert sorted(fields(schema.validate(schema.DOCUMENT, bad))) == ["legal_status", "text"]


def test_json_schema_describes_the_same_fields():
    js = schema.json_schema(schema.DOCUMENT, "Văn bản")
    assert js["type"] == "object" and js["additionalProperties"] is False
    assert set(js["required"]) >= {"id", "number", "type", "issuer", "issued", "legal_status", "summary", "text"}
    assert js["properties"]["type"]["anyOf"][0]["enum"][0] == "ket-luan"
    assert js["properties"]["legal_status"]["enum"][0] == "con-hieu-luc"
    assert {"type": "null"} in js["properties"]["effective"]["anyOf"]
