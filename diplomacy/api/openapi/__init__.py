"""The OpenAPI schema: the AutoSchema and extensions, the docs of operations, the X-Cache
header, the docs pages.
"""
