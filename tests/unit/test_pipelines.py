"""The publishing pipelines (issue 16), read as the git services read them:
`make check` on every change, `make test` before anything is published, and
`site/` published from the main branch only, after both.

No GitLab, Gitea or GitHub is reachable from here, so the rules are
evaluated by a small reader of the expressions these files use; an
expression it does not know fails the test rather than pass unread."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

GITLAB = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
GITHUB = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))

# (event, branch) -> the variables each service sets.
EVENTS = {
    "merge request": {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_COMMIT_BRANCH": "",
                      "github.event_name": "pull_request", "github.ref": "refs/pull/7/merge"},
    "push to a branch": {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "bien-tap/tin-moi",
                         "github.event_name": "push", "github.ref": "refs/heads/bien-tap/tin-moi"},
    "push to main": {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main",
                     "github.event_name": "push", "github.ref": "refs/heads/main"},
}
EXPECTED = {   # event -> jobs that run
    "merge request": {"check", "test"},
    "push to a branch": {"check"},
    "push to main": {"check", "test", "publish"},
}
_GITLAB_TERM = re.compile(r'^\$(\w+)(?:\s*==\s*(?:"([^"]*)"|\$(\w+)))?$')
_GITHUB_TERM = re.compile(r"^(github\.\w+)\s*==\s*'([^']*)'$")


def gitlab_if(expression: str, env: dict) -> bool:
    env = env | {"CI_DEFAULT_BRANCH": "main"}
    match = _GITLAB_TERM.match(expression.strip())
    assert match, f"unread GitLab rule: {expression}"
    name, literal, other = match.groups()
    value = env.get(name, "")
    if literal is None and other is None:
        return bool(value)
    return value == (literal if literal is not None else env.get(other, ""))


def github_if(expression: str, env: dict) -> bool:
    def term(text: str) -> bool:
        match = _GITHUB_TERM.match(text.strip())
        assert match, f"unread GitHub condition: {text}"
        return env[match.group(1)] == match.group(2)
    return any(all(term(t) for t in alternative.split("&&")) for alternative in expression.split("||"))


def gitlab_jobs(env: dict) -> set[str]:
    jobs = {name: job for name, job in GITLAB.items() if isinstance(job, dict) and "script" in job}
    return {name for name, job in jobs.items() if any(gitlab_if(rule["if"], env) for rule in job["rules"])}


def github_jobs(env: dict) -> set[str]:
    running: set[str] = set()
    for name, job in GITHUB["jobs"].items():   # in file order; needs name earlier jobs
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        if ("if" not in job or github_if(job["if"], env)) and all(n in running for n in needs):
            running.add(name)
    return running


@pytest.mark.parametrize("event", EVENTS)
def test_which_jobs_run_on_each_change(event):
    assert gitlab_jobs(EVENTS[event]) == EXPECTED[event], "GitLab"
    assert github_jobs(EVENTS[event]) == EXPECTED[event], "GitHub / Gitea Actions"


def commands(job: dict) -> list[str]:
    steps = job.get("script") or [s.get("run", "") for s in job.get("steps", [])]
    return [line.strip() for step in steps for line in step.splitlines()]


def test_each_job_runs_its_make_target_and_publish_waits_for_both():
    for jobs in (GITLAB, GITHUB["jobs"]):
        assert "make check" in commands(jobs["check"])
        assert "make test" in commands(jobs["test"])
        publish = commands(jobs["publish"])
        assert publish.index("make release") < next(i for i, c in enumerate(publish) if c.startswith("rsync"))
    stages = GITLAB["stages"]
    assert stages.index(GITLAB["check"]["stage"]) < stages.index(GITLAB["test"]["stage"]) \
        < stages.index(GITLAB["publish"]["stage"])
    assert set(GITHUB["jobs"]["publish"]["needs"]) == {"check", "test"}


def test_the_rule_reader_refuses_what_it_cannot_read():
    with pytest.raises(AssertionError):
        gitlab_if('$CI_COMMIT_BRANCH =~ /^main$/', EVENTS["push to main"])
    with pytest.raises(AssertionError):
        github_if("startsWith(github.ref, 'refs/heads/main')", EVENTS["push to main"])
