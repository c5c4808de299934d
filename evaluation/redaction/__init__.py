"""Redaction evaluation: the labelled corpus, its builder and the scoring rules."""
