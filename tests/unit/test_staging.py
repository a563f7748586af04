"""The site a build replaces is kept as site.previous, and deleted by the
next build in a background thread while it builds (hooks/publish/staging.py)."""
from __future__ import annotations

import shutil
import threading

from hooks.publish import staging


def a_site(folder, name: str):
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(name, encoding="utf-8")
    (folder / "van-ban" / "kl-14").mkdir(parents=True)
    (folder / "van-ban" / "kl-14" / "index.html").write_text(name, encoding="utf-8")


def test_publish_keeps_the_replaced_site_and_the_next_build_deletes_it_in_the_background(tmp_path, monkeypatch):
    site = tmp_path / "site"
    a_site(site, "first")
    a_site(staging.prepare(site), "second")
    staging.publish(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "second"
    assert (staging.previous_dir(site) / "index.html").read_text(encoding="utf-8") == "first"
    assert not staging.staging_dir(site).exists()

    deleted_by, real_rmtree = [], shutil.rmtree

    def rmtree(path, **kwargs):
        deleted_by.append((path, threading.current_thread() is threading.main_thread()))
        real_rmtree(path, **kwargs)

    monkeypatch.setattr(staging.shutil, "rmtree", rmtree)
    a_site(staging.prepare(site), "third")
    staging.publish(site)
    assert deleted_by == [(staging.previous_dir(site), False)]
    assert (site / "index.html").read_text(encoding="utf-8") == "third"
    assert (staging.previous_dir(site) / "index.html").read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.previous"]


def test_a_previous_site_left_half_deleted_goes_before_the_swap(tmp_path):
    # A build that ended before its background deletion did leaves part of
    # site.previous behind; the next one that publishes removes it first.
    site = tmp_path / "site"
    a_site(site, "good")
    staging.previous_dir(site).mkdir()
    (staging.previous_dir(site) / "stale.html").write_text("stale", encoding="utf-8")
    staging._sweeper = None     # as if that build's process had ended
    a_site(staging.staging_dir(site), "new")
    staging.publish(site)
    assert not (staging.previous_dir(site) / "stale.html").exists()
    assert (staging.previous_dir(site) / "index.html").read_text(encoding="utf-8") == "good"
