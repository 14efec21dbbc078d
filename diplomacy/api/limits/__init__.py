"""Limits on clients: request rates (`throttling`) and the size of a request body
(`request_body`).
"""
