"""What every feature of the interface shares.

Errors, formats, labels, roles, generic models, form widgets, undo and background operations.
"""
