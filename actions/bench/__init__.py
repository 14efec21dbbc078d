"""The benchmark of `manage.py benchmark`: raw baseline views and measurements."""
