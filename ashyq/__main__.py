"""``python -m ashyq``: the command line, as the ``ashyq`` script runs it."""

from ashyq.cli import app

app()
