"""How a build runs fast: the run of stages, work on every core, the cache kept between
builds, incremental rebuilds under ``docket serve``, and progress.

The only package that plays for speed (processes, the garbage collector, caches keyed by
content); it drives ``archive``, ``site`` and ``search``, which know nothing of it.
"""
