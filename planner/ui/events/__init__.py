"""Lectures, seminars and symposia with their participants."""
