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
    # Since 01/7/2025 local government has two levels (tỉnh, xã); the district
    # level no longer operates. `huyen` stays for duties assigned before then.
    "xa": "Xã",
}

# What the site shows where a fact is not known.
UNKNOWN = "Chưa xác định"
UNKNOWN_DOC_TYPE = "Văn bản"   # type not known yet

# Who an FAQ entry is for (hỏi đáp): one or more of these keys.
AUDIENCES = {
    "cong-dan": "Công dân",
    "can-bo": "Cán bộ",
    "co-quan": "Cơ quan",
}

# Topics of the FAQ, in the order the index shows them.
FAQ_TOPICS = {
    "chung": "Hiểu chung về Kết luận số 14-KL/TW",
    "doi-tuong": "Ai được khuyến khích, bảo vệ",
    "de-xuat": "Đề xuất đổi mới và thí điểm",
    "trach-nhiem": "Khi thí điểm không thành công",
    "nhan-rong": "Nhân rộng mô hình và khen thưởng",
    "cap-uy": "Việc của cấp ủy và người đứng đầu",
    "thanh-hoa": "Triển khai tại Thanh Hóa",
    "van-ban": "Văn bản liên quan và nơi đọc toàn văn",
    "chua-phan-loai": "Chưa phân loại",
}
