"""Similar reports and theme suggestions from the sentence-embedding model (csphub.embeddings).

Each submission's text (information and place description) is embedded once, after it is
committed, by a background task; the vectors live in the database (`SubmissionVector`, bytes,
portable across SQLite and PostgreSQL) and are searched through a usearch index file
(`index.py`). The same model suggests themes on the form (`suggestions.py`, over
`csphub.embeddings.themes`).
"""
