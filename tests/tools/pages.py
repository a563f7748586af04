"""One page of each type of the built site, for the gates that run per page
type (privacy, accessibility, valid HTML, Lighthouse)."""
from __future__ import annotations

from pathlib import Path

FIXED = {
    "home": "/",
    "document": "/van-ban/kl-14/",
    "summary-document": "/van-ban/kh-116/",
    "documents-index": "/van-ban/",
    "body": "/co-quan/so-noi-vu/",
    "bodies-index": "/co-quan/",
    "graph": "/luoc-do/",
    "news-index": "/tin-tuc/",
    "news": "/tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/",
    "guide": "/huong-dan/",
    "open-data": "/du-lieu-mo/",
    "not-found": "/404.html",
}


def page_types(site: Path) -> dict[str, str]:
    """Page type -> site-absolute URL; an FAQ page when one exists."""
    out = {k: v for k, v in FIXED.items()
           if (Path(site) / (v.lstrip("/") + ("index.html" if v.endswith("/") else ""))).is_file()}
    faqs = sorted(p for p in (Path(site) / "hoi-dap").glob("*/index.html")) if (Path(site) / "hoi-dap").is_dir() else []
    if faqs:
        out["faq"] = "/" + faqs[0].parent.relative_to(site).as_posix() + "/"
    if (Path(site) / "hoi-dap" / "index.html").is_file():
        out["faq-index"] = "/hoi-dap/"
    return out
