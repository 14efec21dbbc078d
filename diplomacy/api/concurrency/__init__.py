"""No lost update: optimistic locking of records (`optimistic_locking`) and conditional
requests, ETag and If-Match (`conditional_requests`).
"""
