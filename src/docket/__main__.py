"""``python -m docket``: the ``docket`` command."""

from docket.commands.cli import run

run()
