"""Compiled templates kept from one build to the next: in memory for the
rebuilds of `mkdocs serve`, and in the project's `.cache/jinja/` for the
next `mkdocs build`.

MkDocs makes a new Jinja environment for every build, so every build
compiled the theme's 75 templates again: about 0.4 s of a 4 s build at the
benchmark's 1×. Jinja checks each entry against its template's source (a
checksum) and its own format (it carries Python's version), so an edited
override is compiled anew. Compiled code also depends on how the
environment is set up and on Jinja's version: each such shape has a folder
of its own. `.cache/` is where Material's own plugins keep what they cache;
a folder that cannot be written leaves the build compiling, as before.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

FOLDER = Path(".cache") / "jinja"


class ProjectBytecodeCache(BytecodeCache):
    """Jinja's bytecode, by template: in memory for the life of the process,
    on disk in `folder` for the next one."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._code: dict[str, bytes] = {}

    def _file(self, bucket: Bucket) -> Path | None:
        return self.folder / f"{bucket.key}.cache" if self.folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        code, file = self._code.get(bucket.key), self._file(bucket)
        if code is None and file is not None:
            try:
                code = file.read_bytes()
            except OSError:
                return
        if code is not None:
            bucket.bytecode_from_string(code)   # left empty if the source or Python changed
            if bucket.code is not None:
                self._code[bucket.key] = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        file = self._file(bucket)
        if file is None:
            return
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all: another build may be reading it.
            handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=file.name, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(code)
                os.replace(temporary, file)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass   # a folder that cannot be written: the next build compiles again

    def clear(self) -> None:
        self._code.clear()


_CACHES: dict[tuple, ProjectBytecodeCache] = {}


def for_env(env: Environment, project: Path | None = None) -> ProjectBytecodeCache | None:
    """The cache for environments set up as `env` is, kept in memory and,
    given the project's folder, on disk; None if the set-up cannot be told:
    autoescaping chosen by a function (MkDocs turns it off)."""
    if not isinstance(env.autoescape, bool):
        return None
    shape = (jinja2.__version__, tuple(sorted(env.extensions)), env.block_start_string, env.block_end_string,
             env.variable_start_string, env.variable_end_string, env.comment_start_string,
             env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
             env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized, env.autoescape)
    folder = None
    if project is not None:
        folder = project / FOLDER / hashlib.sha1(repr(shape).encode("utf-8")).hexdigest()[:16]
    key = (shape, folder)
    if key not in _CACHES:
        _CACHES[key] = ProjectBytecodeCache(folder)
    return _CACHES[key]
