"""One visit's itinerary: the editor, its item dialog and the itinerary exports."""
