"""Bad input checked in-process: break a copy of docs/, run the pipeline the
build runs first (hooks.pipeline.build), and look for the error an editor
would read, by file, line, field and Vietnamese message.

A real `mkdocs build` stops on exactly these errors (hooks/site.py turns
ContentErrors into the build's failure); tests/build/test_bad_input_build.py
checks that path end to end on a few cases."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.model.errors import ContentError, ContentErrors

ANY = object()   # this part of the error is not what the case is about


@dataclass(frozen=True)
class Expect:
    """One error to find: where it points and what it says. `says` are
    fragments of the Vietnamese message or of its fix (Cách sửa)."""
    path: object = ANY
    line: object = ANY
    field: object = ANY
    says: tuple[str, ...] = ()

    def matches(self, e: ContentError) -> bool:
        vi = e.vi + (f" Cách sửa: {e.fix_vi}" if e.fix_vi else "")   # as the build prints it
        return ((self.path is ANY or e.path == self.path) and (self.line is ANY or e.line == self.line)
                and (self.field is ANY or e.field == self.field) and all(s in vi for s in self.says))

    def location(self) -> str:
        """The head of the line the build prints for this error: 'path:line [field]'."""
        where = f"{self.path}:{self.line}" if self.line not in (ANY, None) else str(self.path)
        return where + (f" [{self.field}]" if self.field not in (ANY, None) else "")


def project_copy(tmp_path: Path) -> Path:
    """A private copy of docs/ to break (the pipeline reads nothing else)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def content_errors(project: Path) -> list[ContentError]:
    """Every error the pipeline stops on; it must stop."""
    with pytest.raises(ContentErrors) as caught:
        pipeline.build(project / "docs", project)
    return caught.value.errors


def reported(errors: list[ContentError], expect: Expect) -> ContentError:
    """The error `expect` describes; every error also speaks English."""
    listing = "\n".join(e.format() for e in errors)
    assert all(e.en.strip() for e in errors), listing
    found = [e for e in errors if expect.matches(e)]
    assert found, f"no error like {expect} among:\n{listing}"
    return found[0]
