"""Password rule beyond Django's: a mix of character kinds, as partner IT policies expect."""

from django.core.exceptions import ValidationError


class CharacterVarietyValidator:
    def validate(self, password: str, user=None) -> None:
        kinds = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if sum(kinds) < 3:
            raise ValidationError(
                "Your password must use at least three of: lower-case letters, capital letters, "
                "numbers and symbols.",
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return (
            "Your password must use at least three of: lower-case letters, capital letters, "
            "numbers and symbols."
        )
