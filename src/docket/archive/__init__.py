"""What an archive is: its record kinds, records and dates, how its files are read and
validated, and how its records link to each other.

Plain functions over plain data: nothing here knows how a build is run (``engine``) or
how a page looks (``site``).
"""
