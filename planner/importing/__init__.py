"""Imports from spreadsheets (CSV, XLSX): validated completely before anything is written."""
