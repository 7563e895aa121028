#!/usr/bin/env bash
# Run the non-browser tests with the computer's clock moved to the days that break date code:
# month ends, 29 February, 31 December, the days the clocks change, and just before midnight
# (the run then crosses into the next day). Usage: bash tests/on_other_dates.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
command -v faketime >/dev/null || { echo "needs faketime (apt-get install faketime)" >&2; exit 2; }

# "clock|time zone" pairs
CLOCKS=(
  "2026-11-30 23:59:30|UTC"
  "2027-01-31 12:00:00|UTC"
  "2028-02-29 23:30:00|UTC"
  "2026-12-31 23:59:00|UTC"
  "2027-03-28 00:59:00|Europe/London"
  "2026-11-01 01:30:00|America/New_York"
  "2027-04-30 23:58:00|Pacific/Auckland"
)
failed=()
for entry in "${CLOCKS[@]}"; do
  clock=${entry%|*}
  zone=${entry#*|}
  echo "== clock at $clock ($zone)"
  # Calibrations on simulated journals read no clock: they run once, in the main run.
  if ! TZ=$zone faketime "$clock" "$PY" -m pytest --ignore=tests/browser -q -p no:cacheprovider \
    -m "not clockless" "$@"; then
    failed+=("$clock $zone")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'failed with the clock at: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "passed at every clock"
