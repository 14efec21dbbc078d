"""Errors as problem details (RFC 9457): the shape, DRF's exception handler, Django's error
views, and their schema.
"""
