"""The documentation site's sources (a package only so that docs/conftest.py imports as
`docs.conftest` and never clashes with tests/conftest.py)."""
