"""Build into a scratch folder and swap it into place only when the whole build succeeded."""
