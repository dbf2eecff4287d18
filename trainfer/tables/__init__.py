"""Data tables: cited figures in data/, validated, with derived columns and charts."""
