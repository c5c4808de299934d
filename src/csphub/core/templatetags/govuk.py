"""Render Django form fields as GOV.UK Design System components."""

from typing import Any

from django import forms, template

register = template.Library()


def _kind(field: forms.BoundField) -> str:
    from csphub.core.forms import DateInputWidget

    widget = field.field.widget
    if isinstance(widget, DateInputWidget):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


@register.inclusion_tag("govuk/field.html")
def govuk_field(
    field: forms.BoundField,
    label_size: str = "s",
    is_page_heading: bool = False,
    width: str = "",
    hint: str = "",
    option_hints: dict[str, str] | None = None,
    inset: str = "",
):
    """For checkboxes and radios, `option_hints` puts a hint under the options it names (by
    value) and `inset` an inset text between the question's hint and its options."""
    kind = _kind(field)
    input_classes = {
        "input": "govuk-input",
        "textarea": "govuk-textarea",
        "select": "govuk-select",
        "file": "govuk-file-upload",
    }.get(kind, "")
    if field.errors and input_classes:
        input_classes += f" {input_classes}--error"
    if width and kind == "input":
        input_classes += (
            f" govuk-input--width-{width}" if width.isdigit() else f" govuk-!-width-{width}"
        )
    describedby = []
    if hint or field.help_text:
        describedby.append(f"{field.auto_id}-hint")
    if field.errors:
        describedby.append(f"{field.auto_id}-error")
    attrs: dict[str, str | bool] = {"class": input_classes}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    widget_html = ""
    if kind in {"input", "textarea", "select", "file"}:
        widget_html = field.as_widget(attrs=attrs)
    values: dict[str, Any] = {}
    if kind == "date":
        from csphub.core.forms import DateInputWidget

        widget = field.field.widget
        assert isinstance(widget, DateInputWidget)  # what makes the kind "date"
        raw = field.value()
        values = widget.format_value(raw) if not isinstance(raw, dict) else raw
    return {
        "values": values,
        "parts": [("day", "Day", "2"), ("month", "Month", "2"), ("year", "Year", "4")],
        "field": field,
        "kind": kind,
        "label_size": label_size,
        "is_page_heading": is_page_heading,
        "hint": hint or field.help_text,
        "widget_html": widget_html,
        "describedby": " ".join(describedby),
        "option_hints": option_hints or {},
        "inset": inset,
    }


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_):
    errors = []
    for form in forms_:
        if not form:
            continue
        for error in form.non_field_errors():
            errors.append({"text": error, "href": ""})
        for name, field_errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            anchor = bound.auto_id
            kind = _kind(bound)
            if kind in {"checkboxes", "radios"}:
                anchor = f"{bound.auto_id}_0"
            elif kind == "date":
                anchor = f"{bound.auto_id}-day"
            for error in field_errors:
                errors.append({"text": error, "href": f"#{anchor}"})
    return {"errors": errors}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
