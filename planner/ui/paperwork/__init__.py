"""Paperwork: one visit's checklist, the cross-visit view and the effective rules."""
