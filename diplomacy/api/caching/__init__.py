"""The response cache: rendered read responses (`response_cache`), valid for one generation of
the dataset (`dataset_generation`).
"""
