"""The dataset as it was at a past moment, read from its history.

`reading.reading_as_of(moment)` makes every SELECT Django sends in its block see
the tracked tables as they were at `moment`; `moments` turns what a client sends
(`?as_of=`) into a moment. The API's side is diplomacy.api.records.as_of_views.
"""
