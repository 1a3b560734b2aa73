"""Agreements and the data sets and materials moving under them."""
