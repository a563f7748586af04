"""Sharing: Open Graph and Twitter card tags, and plain share links.

Share links are ordinary URLs of Facebook's and Zalo's share pages, opened
only when a reader clicks them: no third-party script is ever loaded.
"""
from __future__ import annotations

import re
import urllib.parse

IMAGE = "assets/images/social.png"   # designed 1200×630 card, committed to the repo
IMAGE_SIZE = (1200, 630)
IMAGE_ALT = "Khuyến khích và bảo vệ cán bộ năng động, sáng tạo — Thanh Hóa"
_SPACE = re.compile(r"\s+")
# Zalo documents only a JS button for sharing; this is the plain web share
# URL that button opens. Kept here, in one place, in case Zalo changes it.
ZALO_SHARE = "https://sp.zalo.me/share?url="


def absolute(site_url: str, rel: str) -> str:
    return site_url.rstrip("/") + "/" + rel.lstrip("/")


def clean(text: str, limit: int = 200) -> str:
    """One line of plain text, cut at a word boundary for previews."""
    text = _SPACE.sub(" ", re.sub(r"<[^>]+>", " ", text or "")).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def tags(*, title: str, description: str, url: str, site_url: str, site_name: str,
         kind: str = "website", published: str | None = None) -> list[dict[str, str]]:
    """The <meta> tags of one page as attribute dicts, all URLs absolute."""
    image = absolute(site_url, IMAGE)
    description = clean(description)
    out = [
        {"property": "og:type", "content": kind},
        {"property": "og:site_name", "content": site_name},
        {"property": "og:locale", "content": "vi_VN"},
        {"property": "og:title", "content": clean(title, 120)},
        {"property": "og:description", "content": description},
        {"property": "og:url", "content": url},
        {"property": "og:image", "content": image},
        {"property": "og:image:type", "content": "image/png"},
        {"property": "og:image:width", "content": str(IMAGE_SIZE[0])},
        {"property": "og:image:height", "content": str(IMAGE_SIZE[1])},
        {"property": "og:image:alt", "content": IMAGE_ALT},
        {"name": "twitter:card", "content": "summary_large_image"},
        {"name": "twitter:title", "content": clean(title, 120)},
        {"name": "twitter:description", "content": description},
        {"name": "twitter:image", "content": image},
        {"name": "twitter:image:alt", "content": IMAGE_ALT},
    ]
    if published:
        out.append({"property": "article:published_time", "content": published})
    return out


def share_links(url: str, title: str) -> list[dict[str, str]]:
    """Plain share URLs; the copy-link button is handled by the site's own script."""
    q = urllib.parse.quote(url, safe="")
    return [
        {"key": "facebook", "label": "Chia sẻ lên Facebook",
         "href": f"https://www.facebook.com/sharer/sharer.php?u={q}"},
        {"key": "zalo", "label": "Chia sẻ qua Zalo",
         "href": f"{ZALO_SHARE}{q}"},
    ]
