"""Text as people type it into a form, made regular enough for the rules to read."""

from __future__ import annotations

import re

# Informal and mistyped spellings seen in reports, mapped to the word the rules look for.
# Whole words only; a spelling the map lacks may still be caught by `fuzzy` below or the model.
SPELLINGS = {
    "rite": "right", "nxt": "next", "pls": "please", "plz": "please", "plse": "please",
    "ur": "you're", "u": "you", "r": "are", "im": "i'm", "ive": "i've",
    "hes": "he's", "shes": "she's", "theyre": "they're", "theres": "there's", "thats": "that's",
    "its": "it's", "whats": "what's", "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't",
    "werent": "weren't", "wont": "won't", "cant": "can't", "dont": "don't", "doesnt": "doesn't",
    "didnt": "didn't", "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't",
    "couldnt": "couldn't", "shouldnt": "shouldn't", "wouldnt": "wouldn't", "theyve": "they've",
    "weve": "we've", "youre": "you're", "hell": "he'll", "shell": "she'll", "theyll": "they'll",
    "gonna": "going to", "gunna": "going to", "wanna": "want to", "gotta": "got to",
    "mins": "minutes", "min": "minute", "secs": "seconds", "sec": "second", "hr": "hour",
    "hrs": "hours", "tonite": "tonight", "2nite": "tonight", "nite": "night",
    "stabed": "stabbed", "stabing": "stabbing", "stabd": "stabbed", "stabbd": "stabbed",
    "knive": "knife", "nife": "knife", "knif": "knife", "beeting": "beating", "beatin": "beating",
    "beeten": "beaten", "hiting": "hitting", "puching": "punching", "punchin": "punching",
    "kickin": "kicking", "fightin": "fighting", "bleedin": "bleeding", "breathin": "breathing",
    "breating": "breathing", "breahting": "breathing", "brething": "breathing",
    "unconcious": "unconscious", "unconsious": "unconscious", "unconcsious": "unconscious",
    "concious": "conscious", "consious": "conscious", "collasped": "collapsed",
    "colapsed": "collapsed", "collapsd": "collapsed", "overdoes": "overdose",
    "overdosed": "overdosed", "overdozed": "overdosed", "overdoesed": "overdosed",
    "od'd": "overdosed", "od": "overdose", "ods": "overdoses",
    "tabs": "tablets", "sucide": "suicide", "suicidle": "suicidal", "suiside": "suicide",
    "kidnaped": "kidnapped", "kidnaping": "kidnapping", "abducted": "abducted",
    "strangleing": "strangling", "chokeing": "choking", "someones": "someone's",
    "somebodys": "somebody's", "wiv": "with", "wit": "with",
    "tryna": "trying to", "cos": "because", "coz": "because", "bcos": "because",
    "sumone": "someone", "some1": "someone", "sum1": "someone", "ppl": "people",
    "bruv": "mate", "ambo": "ambulance", "amblance": "ambulance", "bleding": "bleeding",
    "blooding": "bleeding", "fite": "fight", "figth": "fight", "shoting": "shooting",
    "glased": "glassed", "thretening": "threatening", "threating": "threatening",
    "screming": "screaming", "screeming": "screaming", "screamin": "screaming",
    "helpp": "help", "hlp": "help", "rn": "right now", "atm": "at the moment",
    "asap": "as soon as possible", "nxtdoor": "next door", "eventualy": "eventually",
    "evenually": "eventually", "thru": "through", "every1": "everyone", "evry1": "everyone",
    "some1s": "someone's", "n": "and", "definately": "definitely", "probly": "probably",
}

# Dropped g's ("sayin", "comin", "chokin") for the verbs the rules read.
_ING = (
    "saying", "coming", "going", "having", "choking", "getting", "bleeding", "breathing",
    "kicking", "fighting", "screaming", "shouting", "beating", "hitting", "punching", "stabbing",
    "waving", "holding", "carrying", "threatening", "burning", "smoking", "crying", "begging",
    "drowning", "fitting", "dying", "jumping", "running", "chasing", "trying", "taking",
    "banging", "smashing", "dragging", "pulling", "attacking", "killing", "shooting", "battering",
    "moving", "waking", "responding", "answering", "happening", "sitting", "standing", "lying",
    "hanging", "climbing", "pointing", "swinging", "strangling", "throwing", "waiting", "looking",
    "bundling", "shaking", "foaming", "sweating", "dragging", "loading", "injecting", "drowning",
)
SPELLINGS.update({word[:-1]: word for word in _ING})

_WORD = re.compile(r"[a-z0-9']+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+-\s+|:\s+(?=[A-Za-z])")


def normalise(text: str) -> str:
    """Lower case, straight quotes, letters typed three or more times cut to two, the informal
    and mistyped spellings above replaced, spaces made single."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    lowered = _REPEATS.sub(r"\1\1", lowered)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        return SPELLINGS.get(word, word)

    return " ".join(_WORD.sub(fix, lowered).split())


def sentences(text: str) -> list[str]:
    """The text's sentences (or lines, or clauses after a colon), original spelling kept."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)
