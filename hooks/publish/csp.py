"""Content-Security-Policy for every built page, as a <meta> tag (a static
host may not let us set headers).

Scripts run only from the site itself or when they are one of the theme's
inline scripts (Material's small bootstraps), allowed by their SHA-256.
Only scripts outside the page content are hashed: whatever an editor's
Markdown becomes sits inside Material's content article, so a script there
is never allowed, even if the raw-HTML check or escaping failed somewhere.
`file:` keeps the site working from a folder or USB stick; a page served
over http(s) never loads file: URLs anyway.
"""
from __future__ import annotations

import base64
import hashlib
import re

# Inline <script> elements the browser would execute (no src, JS type).
_INLINE = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_JS_TYPES = {"", "text/javascript", "module", "application/javascript"}
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
# Material's content area: the page's own Markdown (and blog excerpts) render here.
_CONTENT = re.compile(r'<article class="md-content__inner[^"]*">.*</article>', re.S)
# What text outside the content needs to change the policy: a script's start
# or end, or the end of the content that _CONTENT cuts out.
_READ = re.compile(r"<script|</script|</article", re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
SELF = "'self' file:"


def inline_hashes(page_html: str) -> list[str]:
    out = []
    for match in _INLINE.finditer(page_html):
        attrs = match.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue   # JSON data (Material's __config, JSON-LD) never runs
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        tag = f"'sha256-{base64.b64encode(digest).decode()}'"
        if tag not in out:
            out.append(tag)
    return out


def theme_scripts(page_html: str) -> list[str]:
    """Hashes of the inline scripts the templates wrote, not the content's."""
    return inline_hashes(_CONTENT.sub("", page_html, count=1))


def changes_policy(html: str) -> bool:
    """Whether `html`, outside a page's content, could change its policy:
    without, pages that differ only there and in their content share one."""
    return _READ.search(html) is not None


def policy(page_html: str) -> str:
    scripts = " ".join([SELF, *theme_scripts(page_html)])
    return "; ".join([
        f"default-src {SELF}",
        f"script-src {scripts}",
        # Material and our templates set style attributes; styles cannot run code.
        f"style-src {SELF} 'unsafe-inline'",
        f"img-src {SELF} data:",
        f"font-src {SELF} data:",
        f"connect-src {SELF}",
        f"worker-src {SELF} blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def apply(page_html: str) -> str:
    """The page with its policy as the first thing after <meta charset>, so
    it covers every script that follows."""
    return insert(page_html, meta(page_html))


def meta(page_html: str) -> str:
    """The policy's tag for this page."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'


def insert(page_html: str, tag: str) -> str:
    """The page with `tag` where `apply` puts it: a tag made once for pages
    whose scripts outside the content are the same (hooks/render/shell.py)."""
    match = _CHARSET.search(page_html)
    if match is None:
        return page_html.replace("<head>", "<head>" + tag, 1)
    return page_html[:match.end()] + tag + page_html[match.end():]
