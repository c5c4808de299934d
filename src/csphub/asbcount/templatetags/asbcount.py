"""The one ASB count on the performance dashboard: a panel for the county or a district,
read from the newest linkage run (the dashboard's app does not import this one)."""

from django import template

from csphub.asbcount.selectors import link_run_latest

register = template.Library()


@register.inclusion_tag("asbcount/_panel.html")
def asb_count_panel(district_name: str = "") -> dict:
    run = link_run_latest()
    if run is None:
        return {"run": None}
    row: dict | None
    if not district_name:
        row = {"police": run.police_count, "cases": run.case_count, "links": run.links,
               "combined": run.combined}  # fmt: skip
    else:
        row = next((r for r in run.by_district if r["district"] == district_name), None)
    return {"run": run, "row": row, "where": district_name}
