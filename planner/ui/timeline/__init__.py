"""Visits as bars over time."""
