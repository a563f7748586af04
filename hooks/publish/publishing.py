"""The publishing workflow of one build: news citations, feeds, dates, sharing.

Plain values in, plain dicts out: site.py hands over what MkDocs knows
(posts, page URLs), templates present what comes back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from hooks import contract
from hooks.derive.model import Model
from hooks.model.corpus import Corpus, Document
from hooks.publish import feeds, gitdates, news, social
from hooks.text import dates

# Vietnam has no daylight saving: dates are shown as a reader there sees them.
VN = dt.timezone(dt.timedelta(hours=7), "ICT")


@dataclass
class PostInfo:
    """What the blog knows of a post, as plain values."""
    src_uri: str
    title: str
    url: str
    date: dt.datetime
    draft: bool
    authors: list[str] = field(default_factory=list)     # display names
    categories: list[str] = field(default_factory=list)
    description: str = ""


@dataclass
class Publishing:
    corpus: Corpus
    site_url: str
    site_name: str
    site_description: str
    history: gitdates.History
    docs_prefix: str                       # 'docs/': docs_dir relative to the project
    model: Model
    posts: list[news.Post] = field(default_factory=list)
    infos: dict[str, PostInfo] = field(default_factory=dict)
    posts_by_src: dict[str, news.Post] = field(default_factory=dict)

    # -- news ---------------------------------------------------------------
    def attach_posts(self, infos: list[PostInfo]) -> None:
        """Posts the blog will render (drafts only under `mkdocs serve`)."""
        self.infos = {i.src_uri: i for i in infos}
        self.posts = []
        cited = self.model.indexes.cited
        for info in infos:
            self.posts.append(news.Post(info.src_uri, info.title, info.url, info.date, info.draft,
                                        cited.get(info.src_uri, [])))
        self.posts_by_src = {p.src_uri: p for p in self.posts}

    def document_extras(self, doc: Document) -> dict:
        """The document's change log (the news citing it are its backlinks)."""
        rel = self._rel(doc.path)
        return {"changes": [{"date": day, "note": note}
                            for day, note in gitdates.merged_log(self.history.log(rel), self._day)]}

    # -- every page ---------------------------------------------------------
    def page_view(self, *, src_uri: str | None, url: str, title: str, description: str | None,
                  canonical_url: str | None) -> dict:
        absolute = canonical_url or social.absolute(self.site_url, url)
        is_post = bool(src_uri and contract.page_kind(src_uri) == "news")
        when, from_git = self.history.updated(self.docs_prefix + src_uri) if src_uri else (self.history.built, False)
        info = self.infos.get(src_uri or "")
        view = {
            "updated": self._day(when),
            "updated_from_git": from_git,
            "meta_tags": social.tags(
                title=title or self.site_name, description=description or self.site_description,
                url=absolute, site_url=self.site_url, site_name=self.site_name,
                kind="article" if is_post or contract.page_kind(src_uri or "") == "document" else "website",
                published=info.date.isoformat() if info else None),
            "share": social.share_links(absolute, title or self.site_name),
            "url": absolute,
            "cites": self._cites(src_uri) if src_uri and is_post else [],
        }
        return view

    def _cites(self, src_uri: str) -> list[dict]:
        out = []
        for post in (p for p in (self.posts_by_src.get(src_uri),) if p):
            for doc_id, anchor in post.cites:
                doc = self.corpus.documents[doc_id]
                clause = doc.clauses.get(anchor or "")
                excerpt = clause is not None and clause.provisional   # the article's words, not a provision
                out.append({"url": contract.clause_url(doc_id, anchor),
                            "title": self.corpus.citation(clause) if clause and excerpt else
                            (f"{clause.heading} — " if clause else "") + doc.title,
                            "citation": "" if excerpt or not clause else self.corpus.citation(clause),
                            "excerpt": excerpt})
        return out

    # -- feeds --------------------------------------------------------------
    def all_feeds(self) -> list[feeds.Feed]:
        return [self._news_feed(), self._documents_feed()]

    def feed_links(self) -> list[dict]:
        out = []
        for feed in self.feeds_meta():
            out.append({"title": f"{feed['title']} (RSS)", "type": "application/rss+xml", "href": feed["rss"]})
            out.append({"title": f"{feed['title']} (Atom)", "type": "application/atom+xml", "href": feed["atom"]})
        return out

    def feeds_meta(self) -> list[dict]:
        return [{"key": key, "title": title, "rss": feeds.rss_path(key), "atom": feeds.atom_path(key)}
                for key, title in FEEDS]

    def _news_feed(self) -> feeds.Feed:
        feed = feeds.Feed(contract.FEED_NEWS, dict(FEEDS)[contract.FEED_NEWS],
                          "Tin tức về việc triển khai Kết luận số 14-KL/TW tại Thanh Hóa.",
                          social.absolute(self.site_url, contract.BLOG + "/"), self._base(), built=self.history.built)
        for post in self.posts:
            if post.draft:
                continue  # belt and braces: drafts never reach a feed, even under serve
            info = self.infos[post.src_uri]
            when = post.date if post.date.tzinfo else post.date.replace(tzinfo=VN)
            url = social.absolute(self.site_url, post.url)
            feed.entries.append(feeds.Entry(url, post.title, url, when, social.clean(info.description, 500),
                                            authors=tuple(info.authors), categories=tuple(info.categories)))
        return feed

    def _documents_feed(self) -> feeds.Feed:
        feed = feeds.Feed(contract.FEED_DOCUMENTS, dict(FEEDS)[contract.FEED_DOCUMENTS],
                          "Văn bản mới và các thay đổi của văn bản đăng trên trang.",
                          social.absolute(self.site_url, contract.DOCUMENTS + "/"), self._base(), built=self.history.built)
        for doc in self.corpus.documents.values():
            url = social.absolute(self.site_url, doc.url)
            log = self.history.log(self._rel(doc.path))
            if not log:
                # No history (copied project, untracked file): one entry dated by the build.
                feed.entries.append(feeds.Entry(url, doc.title, url, self.history.built, doc.summary))
            for change in log:
                feed.entries.append(feeds.Entry(f"{url}#{change.commit[:12]}", f"{doc.title}: {change.note}",
                                                url, change.when, doc.summary))
        return feed

    def write_feeds(self, site_dir: Path) -> list[Path]:
        written = []
        for feed in self.all_feeds():
            for rel, text in ((feed.rss_path, feeds.rss(feed)), (feed.atom_path, feeds.atom(feed))):
                out = site_dir / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
                written.append(out)
        return written

    # -- helpers ------------------------------------------------------------
    def _base(self) -> str:
        return self.site_url.rstrip("/") + "/"

    def _rel(self, path: Path) -> str:
        return self.docs_prefix + path.relative_to(self.corpus.docs_dir).as_posix()

    @staticmethod
    def _day(moment: dt.datetime) -> str:
        return dates.format_dmy(moment.astimezone(VN).date())


FEEDS = ((contract.FEED_NEWS, "Tin tức — Kết luận 14-KL/TW tại Thanh Hóa"),
         (contract.FEED_DOCUMENTS, "Thay đổi văn bản — Kết luận 14-KL/TW tại Thanh Hóa"))


def prepare(model: Model, *, site_url: str, site_name: str, site_description: str) -> Publishing:
    """Read the git history, once per build (posts were checked by the pipeline)."""
    corpus = model.corpus
    try:
        prefix = corpus.docs_dir.resolve().relative_to(corpus.root.resolve()).as_posix() + "/"
    except ValueError:
        prefix = ""
    history = gitdates.load(corpus.root, prefix.rstrip("/") or ".")
    return Publishing(corpus, site_url or "/", site_name, site_description, history, prefix, model)
