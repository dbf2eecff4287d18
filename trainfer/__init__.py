"""Trainfer's build-time MkDocs plugins: one folder per concern, logic in plain functions."""
