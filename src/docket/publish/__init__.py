"""Publish: the archive as data others read — CMIF, JSON and CSV tables, a data package,
a sitemap, robots.txt and an Atom feed — and the Data page that lists them."""
