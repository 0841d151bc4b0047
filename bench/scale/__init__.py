"""The scale dataset generator; `bench/scale_dataset.py` is its command."""
