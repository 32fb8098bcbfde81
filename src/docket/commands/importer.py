"""``docket import csv FILE`` and ``docket import cmif FILE``: letters from a catalogue.

Prints every entry it could not take (``FILE:ROW: what — how to fix``, on stderr), then one
summary line. Exit code 0 when everything was taken, 1 when an entry was skipped or the file
could not be read at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docket.importing.cmif import CmifError, read_cmif
from docket.importing.job import run_import
from docket.importing.sheet import SheetError, read_sheet


def cmd_import(args: argparse.Namespace) -> int:
    site_dir = Path(args.site).absolute()
    path = Path(args.file)
    label = args.file
    try:
        if args.format == "csv":
            entries, warnings = read_sheet(path, label, args.extra_delimiter)
        else:
            entries, warnings = read_cmif(path, label), []
        for warning in warnings:
            print(warning, file=sys.stderr)
        result = run_import(site_dir, entries, path.name)
    except (SheetError, CmifError) as exc:
        print(exc, file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"docket import: cannot write into {site_dir / 'content'} ({exc.strerror}) — every file written is whole; free the space or fix the permissions and import again to add the rest", file=sys.stderr)
        return 1
    for skipped in result.skipped:
        print(skipped.format(), file=sys.stderr)
    print(result.summary(label))
    return 1 if result.skipped else 0


def add_import_command(commands: argparse._SubParsersAction, site: argparse.ArgumentParser) -> None:
    p = commands.add_parser("import", parents=[site], help="write letters, people, organizations and places from a csv2cmi sheet or a CMIF file into content/")
    p.add_argument("format", choices=["csv", "cmif"], help="csv: a sheet in csv2cmi's columns; cmif: a CMIF (TEI) file")
    p.add_argument("file", help="the file to import")
    p.add_argument("--extra-delimiter", metavar="CHAR", help="csv: what separates several names or ids in one cell (default: '|', or csv2cmi.ini's)")
    p.set_defaults(run=cmd_import)
