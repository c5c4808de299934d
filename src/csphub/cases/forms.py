"""Forms of the case pages. The services check the values (cases/services.py); the forms only
read them. The risk questions come from the active matrix, one yes-or-no field each."""

from __future__ import annotations

from typing import Any

from django import forms

from csphub.geography.models import District

from .models import Category, RiskMatrix, SubjectType

YES_NO = [("yes", "Yes"), ("no", "No")]


class _RiskQuestions(forms.Form):
    def __init__(self, *args: Any, matrix: RiskMatrix, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        for question in matrix.questions.all():
            self.fields[f"q_{question.key}"] = forms.ChoiceField(
                label=question.text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer: {question.text}"},
            )

    def question_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("q_")]

    def answers(self) -> dict[str, bool]:
        return {
            name.removeprefix("q_"): value == "yes"
            for name, value in self.cleaned_data.items()
            if name.startswith("q_")
        }


class CaseOpenForm(_RiskQuestions):
    title = forms.CharField(
        label="Short title",
        max_length=200,
        help_text="For example, Noise and threats at 12 Ash Close",
        error_messages={"required": "Enter a short title for the case"},
    )
    subject_type = forms.ChoiceField(
        label="What is the case about?",
        choices=SubjectType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the case is about a person, a household or a place"
        },
    )
    category = forms.ChoiceField(
        label="ASB category",
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the ASB category: personal, environmental or nuisance"},
    )
    asb_type = forms.CharField(label="Type of ASB (optional)", required=False, max_length=100)
    district = forms.ModelChoiceField(
        label="District",
        queryset=District.objects.order_by("name"),
        empty_label="Select a district",
        error_messages={"required": "Select the district"},
    )
    location = forms.CharField(label="Where (optional)", required=False, max_length=300)
    postcode = forms.CharField(label="Postcode (optional)", required=False, max_length=8)

    field_order = [
        "title",
        "subject_type",
        "category",
        "asb_type",
        "district",
        "location",
        "postcode",
    ]


class RiskReviewForm(_RiskQuestions):
    pass
