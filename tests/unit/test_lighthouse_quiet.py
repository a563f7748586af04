"""bench/lighthouse.py waits for quiet CPUs before each benchmark run and
records how busy they were; bench/readme_table.py says so under the table.
A fake sampler and clock stand in for /proc/stat and time."""
from __future__ import annotations

from bench import lighthouse, readme_table


def _fake(samples):
    """A sampler that returns `samples` in turn, each taking one second of a fake clock."""
    seconds = [0]
    values = iter(samples)

    def sample():
        seconds[0] += 1
        return next(values)
    return sample, lambda: seconds[0]


def test_waits_for_enough_quiet_seconds_in_a_row():
    # A busy second resets the count: quiet from the fifth sample to the seventh.
    sample, clock = _fake([0.9, 0.1, 0.1, 0.5, 0.05, 0.0, 0.1, 0.9])
    assert lighthouse.wait_quiet(sample, clock) == {"waited_s": 7, "busy": 0.1, "quiet": True}


def test_gives_up_after_the_limit_and_says_the_run_was_busy():
    sample, clock = _fake([0.8] * (lighthouse.QUIET_WAIT_MAX + 5))
    record = lighthouse.wait_quiet(sample, clock)
    assert record == {"waited_s": lighthouse.QUIET_WAIT_MAX, "busy": 0.8, "quiet": False}


def test_no_cpu_counters_means_no_wait():
    sample, clock = _fake([None, 0.0])
    assert lighthouse.wait_quiet(sample, clock) == {"waited_s": 0, "busy": None, "quiet": None}


def test_busy_share_reads_this_machine():
    share = lighthouse.busy_share(0.2)
    assert share is None or 0.0 <= share <= 1.0


def test_readme_sentence_gives_the_conditions_of_every_run():
    def runs(*index):
        return [{"waited_s": 4, "busy": 0.02, "quiet": True, "benchmark_index": i} for i in index]
    result = {"lighthouse": {"pages": {
        "home": {"hooks_conditions": runs(1510, 1490), "plain_conditions": runs(1502, 1530)},
        "document": {"hooks_conditions": runs(1480) + [{"waited_s": 120, "busy": 0.6, "quiet": False,
                                                        "benchmark_index": 900}],
                     "plain_conditions": runs(1499, 1500)}}}}
    sentence = readme_table.lighthouse_conditions(result)
    assert sentence.startswith("Each of the 8 Lighthouse runs started once the CPUs had been quiet for 3 s "
                               "(busy at most 15% of each second; it waited at most 120 s")
    assert "in the last second before a run, at most 60% busy" in sentence
    assert "1 run(s) started busy after the 120 s limit" in sentence
    assert sentence.endswith("900 to 1,530.")
    assert readme_table.lighthouse_conditions({"lighthouse": {"pages": {"home": {}}}}) == ""
