"""Exports for visitors and partners: iCalendar, HTML and PDF itineraries.

Only fields meant for the visitor leave the app: internal notes and sensitive personal fields
(passport, date of birth) are never read into an export document.
"""
