"""Spreadsheets in and out: the import wizard and table exports."""
