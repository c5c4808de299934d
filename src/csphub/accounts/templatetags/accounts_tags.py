from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def duration_words(value) -> str:
    """A timedelta as people say it: "30 minutes", "1 hour", "1 hour 30 minutes"."""
    if not isinstance(value, timedelta):
        return ""
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not parts:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
