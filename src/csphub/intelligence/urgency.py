"""Spot wording that says someone is at immediate risk, so the submitter is told to call 999.

Plain Python (no Django). A phrase counts only when the danger is present or imminent: a weapon
someone *has* now, a threat to life *tonight*, an attack *happening*. Past or general talk
("he had a knife last year", "knife crime is rising", "suicide prevention training tonight")
does not. Recall matters more than precision here: a false alarm costs one extra page, a
miss may cost a life. The analyst still sees every submission flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PEOPLE = r"(?:he|she|they|i|we|someone|somebody|a man|a woman|a boy|a girl|the man|the woman|a male|a female|the lad|a lad|my client|the child|a child|the kids|youths|people)"
_PRONOUN_OBJ = r"(?:him|her|them|me|us|someone|somebody|people|everyone|his \w+|her \w+|their \w+|my \w+|the \w+)"
_WEAPON = r"(?:knife|knives|blade|machete|gun|firearm|pistol|shotgun|rifle|axe|hammer|bat|crossbow|samurai sword|sword|weapon|acid)"
_NOW = (
    r"(?:right now|now|at the moment|currently|tonight|this evening|this afternoon|this morning|today|"
    r"immediately|as we speak|as i type|in the next hour|any minute|soon|outside|here|still there|"
    r"on (?:his|her|their|the) way)"
)
_SELF_HARM = r"(?:kill (?:himself|herself|themselves|themself|myself)|end (?:his|her|their|my) (?:own )?life|take (?:an |her |his |their )?overdose|commit suicide|take (?:his|her|their|my) own life|jump (?:off|from) )"

# Patterns that are alarming on their own: they describe present danger in the present tense.
_ALWAYS = [
    (r"\b(?:is|are|'s|'re|am|'m) (?:being )?(?:stabbed|shot|attacked|assaulted|beaten|strangled|kidnapped|abducted|held hostage|raped)\b(?! (?:last|in|on|yesterday|before|previously))",
     "someone is being attacked"),
    (r"\b(?:is|are|'s|'re) (?:stabbing|shooting|attacking|beating|strangling|kidnapping|raping) " + _PRONOUN_OBJ,
     "an attack is happening"),
    (r"\b(?:is|are|'s|'re) (?:on fire|trapped in (?:a|the) fire)|\bset fire to .{0,30}\b(?:now|tonight)\b",
     "a fire is putting someone at risk"),
    (r"\b(?:has|have|'s got|'ve got|has got|have got|is holding|is carrying|is waving|are carrying|are holding|are waving|is armed with|are armed with|armed with|with) (?:a |an |two |some |his |her |their )?" + _WEAPON + r"\b.{0,80}\b" + _NOW + r"\b",
     "someone has a weapon now"),
    (r"\b" + _NOW + r"\b.{0,60}\b(?:has|have|'s got|'ve got|holding|carrying|waving|armed with) (?:a |an |his |her |their )?" + _WEAPON + r"\b",
     "someone has a weapon now"),
    (r"\b(?:going to|gonna|about to|will|'ll|plans to|planning to|wants to|threatening to|threatened to|says (?:he|she|they)(?:'ll| will| is going to| are going to)) " + _SELF_HARM + r".{0,60}\b" + _NOW + r"\b",
     "someone may take their own life"),
    (r"\b" + _NOW + r"\b.{0,60}\b(?:going to|gonna|about to|will|'ll) " + _SELF_HARM,
     "someone may take their own life"),
    (r"\b(?:is|are|'s) (?:going to|gonna|about to) (?:kill|stab|shoot|murder|hurt|attack) " + _PRONOUN_OBJ + r".{0,60}\b" + _NOW + r"\b",
     "someone has threatened to kill or harm another person"),
    (r"\b(?:is|are|'s|'re) threatening to (?:kill|stab|shoot|murder) " + _PRONOUN_OBJ,
     "someone is threatening to kill or harm another person"),
    (r"\b(?:has|have) (?:taken|swallowed) (?:an overdose|(?:a lot of|loads of|all (?:her|his|their)) (?:pills|tablets))\b",
     "someone has taken an overdose"),
    (r"\b(?:is|are) (?:on|standing on) (?:the|a) (?:bridge|roof|ledge|edge)\b.{0,60}\b(?:jump|threatening)",
     "someone may take their own life"),
    (r"\b(?:child(?:ren)?|bab(?:y|ies)|toddlers?|kids?) (?:is|are|has been|have been) (?:left )?(?:alone|locked in|in danger)\b.{0,40}\b" + _NOW + r"\b",
     "a child is in danger now"),
]

# Wording that turns an otherwise alarming sentence into past or general talk.
_PAST_MARKERS = re.compile(
    r"\b(?:last (?:week|month|year|summer|winter|spring|autumn|night)|years? ago|months? ago|weeks? ago|"
    r"in (?:19|20)\d\d|previously|used to|in the past|historic(?:al)?|yesterday)\b",
    re.IGNORECASE,
)

_COMPILED = [(re.compile(p, re.IGNORECASE), reason) for p, reason in _ALWAYS]

# Every pattern above needs one of these words, so a text with none of them is passed over with
# a few substring checks instead of a dozen regular expressions per sentence (most submissions:
# a tenth of a submission's CPU). A pattern given a new key word must have it added here; the
# tests try each pattern.
_KEY_WORDS = (
    "stab", "shot", "shoot", "attack", "assault", "beat", "strangl", "kidnap", "abduct", "hostage",
    "rape", "raping", "fire", "kill", "murder", "hurt", "life", "overdose", "suicide", "jump",
    "pills", "tablets", "bridge", "roof", "edge", "child", "baby", "babies", "toddler", "kid",
    "knife", "knives", "blade", "machete", "gun", "pistol", "rifle", "axe", "hammer", "bat",
    "crossbow", "sword", "weapon", "acid",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class UrgencyFinding:
    reason: str
    excerpt: str


def find_immediate_risk(*texts: str) -> list[UrgencyFinding]:
    """Return what in the texts suggests someone is at immediate risk (empty if nothing)."""
    findings: list[UrgencyFinding] = []
    seen: set[str] = set()
    for text in texts:
        if not text:
            continue
        lowered = text.lower()
        if not any(word in lowered for word in _KEY_WORDS):
            continue
        normalised = text.replace("\u2019", "'")
        for sentence in _SENTENCE_END.split(normalised):
            if not sentence.strip() or _PAST_MARKERS.search(sentence):
                continue
            for pattern, reason in _COMPILED:
                match = pattern.search(sentence)
                if match and reason not in seen:
                    seen.add(reason)
                    findings.append(UrgencyFinding(reason=reason, excerpt=sentence.strip()[:200]))
    return findings
