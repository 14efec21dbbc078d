"""The `.values()` read path of list pages: plans compiled from serializers (`compiler`), and
the viewset mixin (`list_mixin`).
"""
