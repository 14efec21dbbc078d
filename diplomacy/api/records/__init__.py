"""What every record resource shares: base viewsets, CSV and sparse fieldsets, brief related
fields, input validation, `/history/`.
"""
