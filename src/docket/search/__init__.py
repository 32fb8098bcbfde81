"""The Pagefind search index: its split into bundles, the driver of Pagefind's process,
the checks on what it wrote, and the pass that makes its bytes reproducible."""
