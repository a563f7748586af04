"""Raw HTML in content is data, never code: only harmless tags and
attributes pass. Anything else (a script, a style, an iframe, an on…
handler, a javascript: URL, an image from another host) stops the run on
its line, so an editor's text can never run on the published site."""
from __future__ import annotations

import re

from hooks.model.corpus import Corpus
from hooks.model.errors import ErrorSink
from hooks.text import markdown_scan

TAGS = frozenset("""a abbr b blockquote br caption code dd del details div dl dt em figcaption figure h2 h3 h4 h5
    h6 hr i img ins kbd li mark ol p pre s small span strong sub summary sup table tbody td tfoot th thead time tr
    u ul""".split())
ATTRIBUTES = frozenset("""alt class colspan datetime dir height href id lang markdown open rowspan scope src
    title width""".split())
_TAG = re.compile(r"^<(/?)([A-Za-z][\w-]*)(.*?)/?>$", re.S)
_ATTR = re.compile(r"""([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_OPEN_TAG_LEFT_OPEN = re.compile(r"<[A-Za-z][\w-]*(?:\s[^>]*)?$")
# A URL that leaves the site or runs code: a scheme other than http(s)/mailto/tel for links,
# and any scheme or host for what a page loads.
_LINK_OK = re.compile(r"^(?:https?:|mailto:|tel:|[^:]*$)", re.I)
_LOCAL = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//)", re.I)


def problems_in(tag: str) -> list[tuple[str, str]]:
    """(Vietnamese, English) for each thing not allowed in one tag."""
    match = _TAG.match(tag)
    if match is None or match.group(1):
        return []   # a closing tag: its opening tag is the one reported
    name = match.group(2).lower()
    if name not in TAGS:
        return [(f"thẻ <{name}> không được dùng trong nội dung", f"the <{name}> tag is not allowed in content")]
    out = []
    for attr in _ATTR.finditer(match.group(3)):
        key = attr.group(1).lower()
        value = next((v for v in attr.group(2, 3, 4) if v is not None), "").strip()
        if key.startswith("on") or key == "style" or key not in ATTRIBUTES:
            out.append((f"thuộc tính {key}=… của thẻ <{name}> không được dùng",
                        f"the {key} attribute of <{name}> is not allowed"))
        elif key == "href" and not _LINK_OK.match(value):
            out.append((f"liên kết “{value[:40]}” không được dùng (chỉ http, https, mailto hoặc địa chỉ trong trang)",
                        f"link “{value[:40]}” is not allowed"))
        elif key == "src" and not _LOCAL.match(value):
            out.append((f"ảnh hoặc tệp “{value[:40]}” phải nằm trong trang, không tải từ nơi khác",
                        f"“{value[:40]}” must be a file of the site, not another host's"))
    return out


def check(corpus: Corpus, sink: ErrorSink) -> None:
    allowed = ", ".join(sorted(TAGS))
    for page in corpus.pages.values():
        for text, start in corpus.texts(page):
            for line in markdown_scan.prose_lines(text):
                found = []
                for seg in markdown_scan.segments(line):
                    if seg.kind == markdown_scan.HTML:
                        found += problems_in(seg.text)
                    elif seg.kind == markdown_scan.PROSE and _OPEN_TAG_LEFT_OPEN.search(seg.text):
                        found.append(("thẻ HTML mở ở dòng này nhưng không đóng '>' trên cùng dòng",
                                      "an HTML tag opens on this line without its '>'"))
                for vi, en in found:
                    sink.add(page.path, start + line.index, f"{vi}: nội dung là dữ liệu, không chạy mã.",
                             f"{en}: content is data, never code.",
                             f"bỏ thẻ hoặc thuộc tính này; dùng Markdown, hoặc các thẻ được phép: {allowed}.",
                             "remove it; use Markdown or the allowed tags.")
