"""The people directory and the person editor."""
