"""The redaction engine: find personal data, resolve overlaps, replace with labels."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from . import names
from .labels import assign_labels
from .nlp import get_nlp
from .recognisers import find_dates, find_structured
from .spans import TYPES, Redaction, Replacement, Span

# When two findings overlap, the more specific kind wins and the redaction covers both.
PRIORITY: dict[str, float] = {
    "EMAIL": 10,
    "IP_ADDRESS": 9,
    "HANDLE": 6.5,
    "NHS_NUMBER": 8,
    "NI_NUMBER": 8,
    "DOB": 8.5,
    "BANK_DETAILS": 8,
    "PHONE": 8,
    "POSTCODE": 7,
    "VEHICLE": 7,
    "ADDRESS": 6,
    "PERSON": 5,
}

_NLP_BATCH = 64


def _rank(span: Span) -> tuple[float, float, int]:
    return (PRIORITY.get(span.type, 0), span.score, span.end - span.start)


def resolve_overlaps(text: str, spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans. Overlapping findings become one span covering all of
    them, with the type, score and source of the strongest."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    group: list[Span] = []
    group_end = -1

    def flush() -> None:
        if not group:
            return
        best = max(group, key=_rank)
        start = min(s.start for s in group)
        end = max(s.end for s in group)
        if (start, end) == (best.start, best.end):
            out.append(best)
        else:
            out.append(Span(start, end, best.type, text[start:end], best.score, best.source))

    for span in ordered:
        if span.start >= span.end:
            continue
        if group and span.start < group_end:
            group.append(span)
            group_end = max(group_end, span.end)
        else:
            flush()
            group = [span]
            group_end = span.end
    flush()
    return out


def _dates_after_names(text: str, taken: list[Span], people: list[Span]) -> list[Span]:
    """A date written straight after a name, "Piotr NOWAK (03/04/1998)", is a date of birth."""
    if not people:
        return []
    ends = {p.end for p in people}
    starts = [s.start for s in taken]  # taken is sorted and does not overlap
    out = []
    for m in find_dates(text):
        k = bisect_right(starts, m.start()) - 1
        if (k >= 0 and taken[k].end > m.start()) or (
            k + 1 < len(taken) and taken[k + 1].start < m.end()
        ):
            continue
        p = m.start()
        while p > 0 and text[p - 1] in " \t":
            p -= 1
        if p > 0 and text[p - 1] in "(,-–":
            p -= 1
        while p > 0 and text[p - 1] in " \t":
            p -= 1
        if p in ends:
            out.append(Span(m.start(), m.end(), "DOB", m.group(), 0.8, "dob_after_name"))
    return out


def find_personal_data_many(texts: Sequence[str]) -> list[list[Span]]:
    """`find_personal_data` for many texts at once; the model runs over all of them in batches."""
    texts = list(texts)
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
    structured = [resolve_overlaps(text, find_structured(text)) for text in texts]
    scanners = [
        names.begin(text, [(s.start, s.end) for s in found])
        for text, found in zip(texts, structured, strict=True)
    ]

    jobs: list[tuple[int, int]] = []  # (text index, window offset)
    window_texts: list[str] = []
    for t, scanner in enumerate(scanners):
        for start, end in scanner.windows():
            jobs.append((t, start))
            window_texts.append(texts[t][start:end])
    people_per_text: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    if window_texts:
        nlp = get_nlp()
        for (t, offset), doc in zip(
            jobs, nlp.pipe(window_texts, batch_size=_NLP_BATCH), strict=True
        ):
            for ent in doc.ents:
                if ent.label_ in names.MODEL_LABELS:
                    people_per_text[t].append(
                        (offset + ent.start_char, offset + ent.end_char, ent.label_)
                    )

    results = []
    for text, found, scanner, people in zip(
        texts, structured, scanners, people_per_text, strict=True
    ):
        persons = [
            Span(f.start, f.end, "PERSON", text[f.start : f.end], f.score, f.source)
            for f in names.finish(scanner, people)
        ]
        dobs = _dates_after_names(text, found, persons)
        results.append(resolve_overlaps(text, [*found, *persons, *dobs]))
    return results


def find_personal_data(text: str) -> list[Span]:
    """Every personal-data item in `text`: typed spans with a score, sorted, not overlapping."""
    return find_personal_data_many([text])[0]


def _merge_given(text: str, spans: Iterable[Span]) -> list[Span]:
    """An analyst's spans, clipped to the text and with overlaps merged into one span that
    covers them all (typed as the highest-scoring, then longest, of them)."""
    cleaned = []
    for span in spans:
        if not isinstance(span, Span):
            raise TypeError(f"spans must be Span objects, got {type(span).__name__}")
        if span.type not in TYPES:
            raise ValueError(f"unknown span type {span.type!r}; expected one of {', '.join(TYPES)}")
        start, end = max(0, span.start), min(len(text), span.end)
        if start < end:
            cleaned.append(Span(start, end, span.type, text[start:end], span.score, span.source))
    cleaned.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    group: list[Span] = []
    ends: list[Span | None] = [*cleaned, None]  # None closes the last group
    for item in ends:
        if item is not None and group and item.start < max(s.end for s in group):
            group.append(item)
            continue
        if group:
            start, end = group[0].start, max(s.end for s in group)
            best = max(group, key=lambda s: (s.score, s.end - s.start))
            out.append(Span(start, end, best.type, text[start:end], best.score, best.source))
        group = [item] if item is not None else []
    return out


def redact(
    text: str, *, spans: Iterable[Span] | None = None, postcode_sector: bool = False
) -> Redaction:
    """`text` with each personal-data item replaced by its label.

    With `spans` given (an analyst's reviewed choice), exactly those spans are replaced; spans
    that overlap are merged, so no part of any of them stays visible. With `postcode_sector`,
    postcodes become their sector ("LE11 3**") instead of [POSTCODE].
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    chosen = find_personal_data(text) if spans is None else _merge_given(text, spans)
    labels = assign_labels(chosen, postcode_sector_only=postcode_sector)
    pieces = []
    position = 0
    replacements = []
    for span, label in zip(chosen, labels, strict=True):
        pieces.append(text[position : span.start])
        pieces.append(label)
        position = span.end
        replacements.append(Replacement(span, label))
    pieces.append(text[position:])
    return Redaction("".join(pieces), chosen, replacements)
