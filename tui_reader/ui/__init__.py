"""Textual widgets and screens on top of the corpus model."""
