"""Demo data: seeds a database with the curated exchange and synthetic visits, through the
services (no Qt)."""
