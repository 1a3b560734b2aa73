"""Institutions and projects."""
