"""Submissions made through the real service and linked as the worker would link them."""

from csphub.entities.services import submission_link
from tests.factories import make_submission


def linked(user, **overrides):
    submission = make_submission(user, **overrides)
    submission_link(submission_id=submission.pk)
    return submission


PHONE = {"kind": "phone", "value": "07700 900461"}
