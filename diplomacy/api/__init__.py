"""The API of the actors (states, missions, envoys, deletions) and the machinery every resource
shares.
"""
