"""Evaluation material (corpora, scoring) kept in the repository; not shipped with the app."""
