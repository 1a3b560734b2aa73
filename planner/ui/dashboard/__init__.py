"""The dashboard the application opens on."""
