"""Exchange packages: a visit sent to, or received from, a partner institution."""
