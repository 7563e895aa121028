"""Every benchmark still runs: each bench/ script once in quick mode (tiny journals, one run).

Budgets are not enforced here (make bench does that on a quiet machine); a change that breaks
a benchmark's script fails this test instead of going unnoticed until the next measurement.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "bench").glob("bench_*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.stem for script in SCRIPTS])
def test_the_benchmark_runs_in_quick_mode(script, tmp_path):
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env={**os.environ, "BENCH_QUICK": "1", "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "quick mode" in done.stdout
