from django.apps import AppConfig


class SimilarConfig(AppConfig):
    name = "csphub.similar"
    label = "similar"
    verbose_name = "Similar reports"

    def ready(self) -> None:
        # Intelligence (a lower layer) tells us of each new submission by its own signal
        # (the one-statement insert sends no post_save) and asks us for theme suggestions
        # through its registry.
        from csphub.intelligence.signals import submission_stored
        from csphub.intelligence.theme_suggestions import register_theme_suggester

        from . import receivers, suggestions

        submission_stored.connect(
            receivers.submission_stored, dispatch_uid="similar-submission-stored"
        )
        suggestions.connect_signals()
        register_theme_suggester(suggestions.theme_slugs_suggested_for)
