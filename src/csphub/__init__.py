"""CSP Hub: the shared, secure workspace of a Community Safety Partnership."""
