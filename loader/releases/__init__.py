"""Importers of public data releases, each turning a publisher's own files into dataset
collections that are then checked and written like the fixture files."""
