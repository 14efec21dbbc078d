"""What goes over the wire: JSON, CSV and JSON Lines renderers, parsers, format negotiation,
tables and cells, streamed exports.
"""
