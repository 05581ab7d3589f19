"""Reporters render findings; they never decide anything about them."""
