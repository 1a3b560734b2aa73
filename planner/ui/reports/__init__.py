"""Fiscal-year activity reports with charts."""
