"""Redaction review: the analyst's sanitise page that turns a submission into the sanitised
version a forum may read (the detection engine is `csphub.sanitise`)."""
