"""docket: a static site generator for documentary archives of letters."""

__version__ = "0.1.0"
