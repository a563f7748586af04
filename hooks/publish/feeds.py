"""RSS 2.0 and Atom 1.0 feeds from plain entries; no MkDocs, no plugin.

Each feed is a `Feed` of `Entry` items with absolute URLs; `rss` and `atom`
turn it into XML text. News, document changes (and FAQs later) are just
different lists of entries.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Entry:
    id: str                  # stable, unique: the URL, plus '#commit' for changes
    title: str
    url: str                 # absolute
    published: dt.datetime
    summary: str = ""
    updated: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


def rss_path(key: str) -> str:
    return f"{key}.rss.xml"


def atom_path(key: str) -> str:
    return f"{key}.atom.xml"


@dataclass
class Feed:
    key: str                 # file stem: tin-tuc, van-ban
    title: str
    description: str
    home: str                # absolute URL of the page the feed follows
    site_url: str            # absolute, ends with '/'
    language: str = "vi"
    entries: list[Entry] = field(default_factory=list)
    built: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    # Feeds sit at the site root (the public contract). Pages link them as
    # rel="alternate feed" (kl-head.html): Material fetches sitemap.xml for
    # every link whose rel is exactly "alternate".
    @property
    def rss_path(self) -> str:
        return rss_path(self.key)

    @property
    def atom_path(self) -> str:
        return atom_path(self.key)

    def sorted_entries(self) -> list[Entry]:
        return sorted(self.entries, key=lambda e: (e.updated or e.published, e.id), reverse=True)

    @property
    def updated(self) -> dt.datetime:
        entries = self.sorted_entries()
        return (entries[0].updated or entries[0].published) if entries else self.built


def _aware(moment: dt.datetime) -> dt.datetime:
    # Post dates without a zone are taken as UTC so feeds stay valid.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    node.text = text
    return node


def rss(feed: Feed) -> str:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.home)
    _text(channel, "description", feed.description)
    _text(channel, "language", feed.language)
    _text(channel, "lastBuildDate", email.utils.format_datetime(_aware(feed.updated)))
    ET.SubElement(channel, "atom:link", {"href": feed.site_url + feed.rss_path, "rel": "self",
                                         "type": "application/rss+xml"})
    for entry in feed.sorted_entries():
        item = ET.SubElement(channel, "item")
        _text(item, "title", entry.title)
        _text(item, "link", entry.url)
        _text(item, "guid", entry.id, isPermaLink="true" if entry.id == entry.url else "false")
        _text(item, "pubDate", email.utils.format_datetime(_aware(entry.published)))
        if entry.summary:
            _text(item, "description", entry.summary)
        for author in entry.authors:
            # RSS wants an e-mail in <author>; Dublin Core's creator takes a name.
            _text(item, "dc:creator", author)
        for category in entry.categories:
            _text(item, "category", category)
    if any(e.authors for e in feed.entries):
        root.set("xmlns:dc", "http://purl.org/dc/elements/1.1/")
    return _serialise(root)


def atom(feed: Feed) -> str:
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": feed.language})
    _text(root, "id", feed.home)
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.description)
    _text(root, "updated", _aware(feed.updated).isoformat())
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": feed.home})
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml",
                                 "href": feed.site_url + feed.atom_path})
    author = ET.SubElement(root, "author")
    _text(author, "name", feed.title)
    for entry in feed.sorted_entries():
        node = ET.SubElement(root, "entry")
        _text(node, "id", entry.id)
        _text(node, "title", entry.title)
        ET.SubElement(node, "link", {"rel": "alternate", "type": "text/html", "href": entry.url})
        _text(node, "published", _aware(entry.published).isoformat())
        _text(node, "updated", _aware(entry.updated or entry.published).isoformat())
        for name in entry.authors:
            _text(ET.SubElement(node, "author"), "name", name)
        for category in entry.categories:
            ET.SubElement(node, "category", {"term": category})
        if entry.summary:
            _text(node, "summary", entry.summary)
    return _serialise(root)


def _serialise(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
