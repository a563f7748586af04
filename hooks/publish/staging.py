"""Build into a staging folder and publish it only when the build succeeded,
so a failed build never leaves a half-written site where a good one was."""
from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".staging")


def prepare(site_dir: Path) -> Path:
    staging = staging_dir(site_dir)
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def publish(site_dir: Path) -> None:
    """Swap the finished staging folder in place of the site folder."""
    staging = staging_dir(site_dir)
    old = site_dir.with_name(site_dir.name + ".previous")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)


def discard(site_dir: Path) -> None:
    staging = staging_dir(site_dir)
    if staging.exists():
        shutil.rmtree(staging)
