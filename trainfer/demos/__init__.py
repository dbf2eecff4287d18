"""Live demos: a page marker becomes the editor + Run/Stop/Reset + Output widget."""
