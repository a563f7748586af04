"""Closed vocabularies of the content model: ASCII keys, Vietnamese labels."""

DOC_TYPES = {
    "ket-luan": "Kết luận",
    "chuong-trinh-hanh-dong": "Chương trình hành động",
    "ke-hoach": "Kế hoạch",
    "nghi-dinh": "Nghị định",
    "nghi-quyet": "Nghị quyết",
    "quyet-dinh": "Quyết định",
    "chi-thi": "Chỉ thị",
    "quy-dinh": "Quy định",
    "huong-dan": "Hướng dẫn",
    "thong-tu": "Thông tư",
    "luat": "Luật",
    "cong-van": "Công văn",
    "thong-bao": "Thông báo",
}

STATUSES = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc-mot-phan": "Hết hiệu lực một phần",
    "het-hieu-luc": "Hết hiệu lực",
    "chua-co-hieu-luc": "Chưa có hiệu lực",
    "chua-xac-dinh": "Chưa xác định",
}

COMPLETENESS = {
    "toan-van": "Toàn văn",
    "mot-phan": "Một phần",
    "chua-co": "Chưa có toàn văn",
}

BODY_LEVELS = {
    "trung-uong": "Trung ương",
    "tinh": "Tỉnh",
    "huyen": "Huyện",
}

# What the site shows where a fact is not known.
UNKNOWN = "Chưa xác định"
UNKNOWN_DOC_TYPE = "Văn bản"   # type not known yet
