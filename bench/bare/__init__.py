"""A_bare: the ceiling without the project, a minimal Django process serving the same bytes."""
