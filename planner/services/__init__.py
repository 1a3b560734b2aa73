"""Use cases: each public method is one unit of work (one transaction plus its audit entry)."""
