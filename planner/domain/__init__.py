"""Pure-Python domain: entities, enums, rules, validation and time logic (no Qt, no SQL)."""
