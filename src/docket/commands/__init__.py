"""The ``docket`` commands: parsing their arguments, scaffolding new sites and records,
and ``docket serve``."""
