"""The visits list, its filters and the visit editor."""
