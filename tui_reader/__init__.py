"""tui-reader: a terminal reader for bundles of related documents."""

__version__ = "0.1.0"
