"""What the landing page shows of the data: the totals, the latest episodes and
a chart of actions per year by kind (diplomacy/landing.py asks for it by name)."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from actions.pages import charts, marks, reads
from actions.pages.svg import to_string
from actions.pages.wording import period

LATEST_EPISODES = 5


def data_panel(request) -> str:
    latest = reads.episode_summaries(limit=LATEST_EPISODES)
    for summary in latest:
        summary.period = period(summary.first, summary.last)
    counts = reads.actions_per_year_by_kind()
    years = sorted(counts)
    kinds = sorted(
        {kind for by_kind in counts.values() for kind in by_kind},
        key=lambda kind: -sum(by_kind.get(kind, 0) for by_kind in counts.values()),
    )
    table = [
        (year, [counts[year].get(kind, 0) for kind in kinds], sum(counts[year].values()))
        for year in years
    ]
    return render_to_string(
        "actions/pages/landing_panel.html",
        {
            "totals": reads.dataset_totals(),
            "latest": latest,
            "chart": mark_safe(to_string(charts.kinds_per_year_chart(counts))),
            "kind_labels": [marks.label_of(kind) for kind in kinds],
            "table": table,
        },
        request=request,
    )
