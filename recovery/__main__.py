"""``python -m recovery``: the Seven Signs command line."""

import sys

from recovery.cli import main

sys.exit(main())
