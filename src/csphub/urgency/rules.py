"""The rules: danger described in the present, not in the past, a video, a plan or a question.

Each sentence of the normalised text (csphub.urgency.text) is read on its own. A *state*
pattern describes an emergency by itself ("is being stabbed", "isn't breathing", "is on fire");
a *danger* word ("knife", "kill", "fire") counts only with a cue of the present in the same
sentence ("right now", "just", "I can hear", "please send someone"). Either is cancelled by
wording in its sentence that puts it in the past, in a habit, a video or post, training or a
meeting, a question or a hypothetical, or denies it ("nobody was hurt"); a danger word is also
cancelled by fear or possibility ("might", "one day"). A text that elsewhere says the danger is
over ("no current risk", "everyone is safe"), or that is about a video, a meeting or the portal
itself, keeps only hits with a strong cue of the present ("right now", "please send someone").

The lists are data: extend them here, and add the wording that needed them to
evaluation/urgency/dev.jsonl or tuning2.jsonl (never to heldout.jsonl).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .text import SPELLINGS, normalise, sentences


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


_WHO = _any(
    "he",
    "she",
    "they",
    "someone",
    "somebody",
    "man",
    "woman",
    "lad",
    "lads",
    "girl",
    "boy",
    "bloke",
    "guy",
    "kid",
    "kids",
    "child",
    "person",
    "teenager",
    "student",
    "pupil",
    "baby",
    "toddler",
    "mum",
    "dad",
    "son",
    "daughter",
    "resident",
    "tenant",
    "client",
    "patient",
    "neighbour",
    "partner",
    "ex",
    "brother",
    "sister",
    "friend",
    "mate",
    "one",
)
_BE = _any(
    "is",
    "are",
    "'s",
    "'re",
    "am",
    "'m",
    "keeps",
    "keep",
    "still",
    "started",
    "starting",
    "getting",
    "get",
    "being",
    "now",
    "just",
)
_VIOLENT_ING = _any(
    "beating",
    "hitting",
    "punching",
    "kicking (?!off)",
    "battering",
    "attacking",
    "assaulting",
    "stabbing",
    "slashing",
    "strangling",
    "choking (?!on)",
    "throttling",
    "stamping",
    "headbutting",
    "glassing",
    "dragging",
    "chasing",
    "smashing (?:him|her|them|his|her|a|the)",
    "knifing",
    "shooting",
    "leathering",
    "jumping (?:him|her|them|on)",
    "hurting",
    "killing",
    "murdering",
    "raping",
    "bottling",
    "throwing (?:her|him|them) (?:around|about)",
    "laying into",
    "kicking the",
    "going for (?:him|her|them|me|us|anyone|everyone|people|someone|staff)",
    "setting about",
    "slapping",
    "thumping",
    "booting",
    "pushing",
    "abusing",
    "forcing",
    "pulling (?:her|him|them)",
    "grabbing",
    "shoving",
    "pinning",
    "strangling",
    "suffocating",
    "smothering",
    "drowning (?:him|her|them)",
)
_VIOLENT_PP = _any(
    "beaten",
    "beat up",
    "hit",
    "punched",
    "kicked",
    "battered",
    "attacked",
    "assaulted",
    "stabbed",
    "slashed",
    "strangled",
    "choked",
    "stamped on",
    "headbutted",
    "glassed",
    "dragged",
    "knifed",
    "shot",
    "leathered",
    "jumped",
    "hurt",
    "raped",
    "bottled",
    "shanked",
    "mugged",
    "set upon",
    "thrown around",
    "thrown about",
    "smashed",
    "slapped",
    "kicked in",
    "beaten up",
    "run over",
    "hit by a car",
    "knocked down",
    "knocked over",
    "pinned down",
)
_WEAPON = _any(
    "knife",
    "knives",
    "blade",
    "blades",
    "machete",
    "machetes",
    "gun",
    "guns",
    "firearm",
    "pistol",
    "shotgun",
    "rifle",
    "crossbow",
    "sword",
    "axe",
    "hammer",
    "baseball bat",
    "bat",
    "crowbar",
    "acid",
    "broken bottle",
    "bottle",
    "screwdriver",
    "cleaver",
    "taser",
    "weapon",
    "weapons",
    "shank",
    "zombie knife",
    "golf club",
    "iron bar",
    "metal bar",
    "pole",
    "brick",
    "bricks",
    "petrol",
    "scissors",
    "stanley knife",
    "samurai sword",
    "samurai",
    "nunchucks",
    "knuckle duster",
    "chair",
    "glass",
    "spanner",
    "wrench",
    "chain",
    "stick",
    "plank",
)
_NOT_WEAPON_TALK = r"(?!\s*(?:crime|amnesty|awareness|arch|bin|surrender|blaster|toy|sharpening))"
_ADJECTIVES = (
    r"(?:(?:big|large|huge|massive|kitchen|broken|loaded|bread|carving|long|"
    r"sharp|small|sawn off|sawn-off|metal|wooden|baseball|what looks like a|"
    r"what looks like an|what looked like a) ){0,2}"
)
_DRUG_NAMES = _any(
    "tablets",
    "pills",
    "paracetamol",
    "sleeping (?:tablets|pills)",
    "overdose",
    "tramadol",
    "codeine",
    "co-codamol",
    "cocodamol",
    "ibuprofen",
    "aspirin",
    "insulin",
    "methadone",
    "diazepam",
    "valium",
    "sertraline",
    "fluoxetine",
    "citalopram",
    "mirtazapine",
    "pregabalin",
    "gabapentin",
    "amitriptyline",
    "zopiclone",
    "morphine",
    "heroin",
    "fentanyl",
    "spice",
    "ketamine",
    "antidepressants",
    "painkillers",
    "bleach",
)
_DRUGS = _any(
    _DRUG_NAMES,
    "sleeping",
    "meds",
    "medication",
    "prescription",
    "box",
    "packet",
    "packets",
    "blister packs?",
    "bottle",
    "something",
    "the lot",
    "them all",
    "it all",
    "all of them",
)

# (reason, pattern): wording that describes an emergency happening in the present by itself.
STATES: list[tuple[str, str]] = [
    ("someone is being attacked", rf"\b{_BE} (?:being |getting |still )?{_VIOLENT_PP}\b"),
    (
        "someone is being attacked",
        rf"\b{_WHO} (?:just )?(?:stabbed|glassed|shot|knifed|shanked|slashed|"
        rf"bottled)\b(?! (?:by|at) (?:the|a) (?:weekend|time))",
    ),
    (
        "an attack is happening",
        rf"\b(?:is|are|'s|'re|keeps?|still|won't stop|started|starting|been|now) {_VIOLENT_ING}",
    ),
    (
        "an attack is happening",
        rf"\b(?:can|could) (?:hear|see) .{{0,80}}\b(?:{_VIOLENT_ING}|screaming|scream|"
        rf"shouting (?:stop|help|get off)|crying (?:for help|out)|things being (?:smashed|"
        rf"thrown)|a thud|banging)",
    ),
    (
        "an attack is happening",
        r"\bkneeling on (?:him|her|them|his|her)\b|"
        r"\b(?:gone|went|going|come|came|coming|run|ran|running|lunged|lunging|"
        r"flew) (?:for|at) (?:him|her|them|me|us|his|her|their|my|the|a|someone|people|"
        r"staff|anyone|everyone)\b|\bpinned (?:down|against|to)|\bpinning (?:her|him|them)|"
        r"\bkicking (?:his|her|their|the) head in|"
        r"\bsmashing (?:a|the) \w+ (?:over|on|into)|\bheard (?:her|him|them) scream|"
        r"\b(?:a|loud) thud\b.{0,40}\bnothing\b|\blost it\b.{0,60}\bscreaming|"
        r"\bkicking off big time\b|\bwon't stop (?:hitting|kicking|punching|attacking)",
    ),
    (
        "someone is being strangled",
        r"\b(?:by|round|around|on) (?:his|her|their|the|my) (?:throat|neck)\b|"
        r"\bhands? round (?:his|her|their|the) (?:throat|neck)|\bcan't breathe\b|"
        r"\bsitting on (?:his|her|their) chest",
    ),
    (
        "someone has a weapon now",
        rf"\b(?:'s got|has got|'ve got|have got|got|has|have|holding|carrying|waving|"
        rf"swinging|loading|pointing|aiming|brandishing|armed with|pulled|pulled out|"
        rf"came at (?:him|her|me|them) with|came back with|with) (?:a |an |his |her |"
        rf"their |some |the )?{_ADJECTIVES}{_WEAPON}\b{_NOT_WEAPON_TALK}",
    ),
    ("someone has a weapon now", r"\btooled up\b"),
    (
        "someone is seriously hurt",
        r"\b(?:bleeding|bleedin) (?:out|heavily|badly|everywhere|loads|a lot|lots|"
        r"from (?:his|her|their) (?:head|neck|chest|stomach|ear))|"
        r"\bblood (?:everywhere|pouring|coming out|all over|on the)|\blots of blood\b|"
        r"\bpouring out of (?:him|her)|\bwon't stop bleeding|\bit won't stop\b|"
        r"\bpumping out\b|\bsoaked in blood\b|\b(?:neck|chest|head|stab) wound\b|"
        r"\bwound (?:in|to) (?:his|her|their) (?:chest|neck|stomach|head|back)",
    ),
    (
        "someone has collapsed or is not breathing",
        r"\b(?:isn't|is not|not|aren't|stopped|stopping|struggling|can't|barely|"
        r"hardly) (?:breathing|breathe|responding(?! to (?:the|their|our|my|his|her|"
        r"letters|emails|calls|messages|texts))|responsive|moving|waking|conscious)\b|"
        r"\b(?:unconscious|unresponsive|lifeless|floppy)\b|\bwon't wake\b|\bcan't wake\b|"
        r"\b(?:lips|face|he|she|baby|he's|she's) (?:are |is |has |have )?(?:going|gone|"
        r"turned|turning) (?:blue|grey|purple)|\bgoing (?:blue|purple|grey)\b|\bfitting\b|"
        r"\b(?:having|had|gone into|went into|going into) (?:a|an) (?:fit|seizure|"
        r"asthma attack|heart attack|stroke|allergic reaction)\b|\bisn't stopping\b|"
        r"\bclutching (?:his|her|their) chest\b|\bface down in\b|\bslumped\b|"
        r"\bpassed out\b|\bbreathing is (?:slow|shallow|funny|weird)\b|"
        r"\bstruggling to breathe\b|\bfoaming at the mouth\b|"
        r"\bchest (?:feels )?(?:crushed|crushing|tight)\b|\bcrushing (?:chest )?pain\b|"
        r"\bchest pains?\b|\bin labour\b|\bcan see the (?:baby's )?head\b|"
        r"\bunder the water\b|\b(?:lying|lay|laying) at the bottom of (?:the |"
        r"a )?(?:quarry|stairs|cliff|bank|steps|pit)\b|\bchoking on\b|"
        r"\b(?:breathing|breath) (?:very )?(?:shallow|slow)\b",
    ),
    (
        "someone has collapsed or is not breathing",
        r"\b(?:has|have|'s|just) collapsed\b|\bcollapsed (?:outside|in|at|on|and)\b",
    ),
    (
        "a fire is putting people at risk",
        r"\b(?:is|are|'s|'re|now|house|flat|car|building|block|caravan|barn) (?:on fire|"
        r"alight|in flames|ablaze|burning)\b|\bflames\b|"
        r"\bsmoke (?:pouring|everywhere|coming|billowing)|\b(?:thick|black) smoke\b|"
        r"\bsmell of smoke\b|\borange glow\b|\bdoor is hot\b|\bcrackling\b|"
        r"\b(?:smoke|fire) alarms? (?:is |are )?(?:going|gone off|going off|sounding)|"
        r"\balarm (?:panel )?(?:has |is )?(?:gone|going) off\b.{0,60}\bsmoke|"
        r"\bset(?:ting)? (?:fire|light) to\b(?! (?:the |some |litter |wheelie |their |"
        r"a )?(?:bins?|rubbish|litter|grass|skips?|bonfire|leaves|paper|fly[- ]tipping|"
        r"tyres))|\bset (?:the \w+ )?alight\b|\bon fire\b|\bfire in the\b|"
        r"\bstrong smell of gas\b|\bpetrol (?:through|over|on)\b|"
        r"\blit (?:rag|paper|rags)\b|\bpetrol cans?\b",
    ),
    (
        "someone has taken an overdose",
        rf"\b(?:has|have|'s|'ve|just|i've|he|she|they) (?:just )?(?:taken|swallowed|took|"
        rf"necked|downed|had) (?:a |an |all |loads |lots |a load |a lot |a whole |"
        rf"the whole |whole |some |too many |her |his |their |\d+ |all the |all her |"
        rf"all his )?.{{0,30}}\b{_DRUGS}\b|\boverdosed\b|\boverdosing\b|"
        rf"\bhas taken something\b|\bempty (?:pill|blister|tablet) (?:packets|packs|boxes|"
        rf"bottles)\b|\btook (?:them|it|the lot|all)\b.{{0,20}}\b(?:minutes?|an hour|"
        rf"hour) ago",
    ),
    (
        "someone may take their own life",
        r"\b(?:going to|about to|threatening to|says (?:he|she|they)(?:'ll| will|"
        r" is going to)|wants to|will|'ll) (?:jump|end it|end (?:his|her|their|"
        r"my) (?:own )?life|kill (?:himself|herself|themselves|myself)|hang (?:himself|"
        r"herself|themselves))|\b(?:on|over|climbed over|sat on|sitting on|standing on|"
        r"stood on) (?:the |a )?(?:edge of |rail of |railing of )?(?:the |a )?(?:bridge|"
        r"roof|ledge|railing|railings|balcony|motorway bridge|railway bridge|multi storey|"
        r"cliff|edge)\b|\bwrong side of the (?:railings?|barriers?|fence|bridge)\b|"
        r"\b(?:cut|slit|cutting|slitting) (?:his|her|their|my) wrists|"
        r"\bknife to (?:his|her|their|my) wrists|\bwants to die\b|"
        r"\b(?:doesn't|don't) want to wake up\b|\bsaying goodbye\b|\bsaid goodbye\b|"
        r"\bgoodbye\b.{0,40}\b(?:sorry|rope|pills|tablets|love you)|"
        r"\bsorry for everything\b|\brope (?:tied|round|around)\b|\bpills? lined up\b|"
        r"\bhas a rope\b|\bnoose\b|\bto end it\b|"
        r"\b(?:walking|walked|gone|going) into (?:the )?(?:river|water|canal|lake|sea|"
        r"rutland water|reservoir)\b|\bhose(?:pipe)? (?:from|on|to) the exhaust\b|"
        r"\binjected all\b|\ball (?:her|his|their) insulin\b",
    ),
    (
        "someone is being taken against their will",
        r"\b(?:dragged|dragging|bundled|bundling|pulled|pulling|forced|forcing|pushed|"
        r"pushing|thrown|shoved|carried off|grabbed|snatched|taken|took|put|putting|"
        r"abducted|kidnapped|led away)\b.{0,40}\b(?:into|in to|in|off|away|from|"
        r"out of) (?:a |the |their |his |her )?(?:\w+ ){0,2}(?:van|car|boot|back of|house|"
        r"vehicle|taxi|flat|pram|park|school|college|bench|street|playground)\b|"
        r"\bbeing (?:led|taken|carried|dragged|pulled|marched|bundled) (?:away|off)\b|"
        r"\bagainst (?:his|her|their) will\b|\b(?:abducting|kidnapping|snatching)\b|"
        r"\b(?:just |has |have |'s |'ve )(?:snatched|abducted|kidnapped)\b|"
        r"\b(?:took|taken|grabbed|snatched|got) (?:my|her|his|their|the|a|our) (?:son|"
        r"daughter|child|kid|boy|girl|baby|little \w+|neighbour's \w+(?: \w+)?)\b|"
        r"\bwon't give (?:him|her|them) back\b|"
        r"\bwalked (?:off|away) with (?:the|a|my|her|his|their) (?:little |young )?(?:girl|"
        r"boy|child|kid|baby|toddler|son|daughter|\d+ year old)|"
        r"\btook (?:a|the) (?:\d+ year old|little|young)? ?(?:boy|girl|child|"
        r"kid)? ?.{0,20}by the hand\b|\btalking (?:a|the) (?:\d+ year old )?(?:girl|boy|"
        r"child|kid|teenager) into (?:his|a|the) (?:car|van)\b|\bbundling\b|"
        r"\b(?:trying|tried) to get (?:him|her|them) (?:to get )?in(?:to)?\b|"
        r"\b(?:taking|driving) (?:her|him|them) to\b|"
        r"\b(?:putting|pushing|forcing) (?:her|him|them) (?:in|into) (?:the back|the car|"
        r"the van|a car|a van|the boot)|\bhalf[- ]carried\b|\bi don't know you\b|"
        r"\bdriving (?:him|her|them) (?:somewhere|away|off)\b|"
        r"\b(?:in|from) the back of (?:a|their|his) car\b",
    ),
    (
        "someone is trapped or held",
        r"\b(?:trapped|tied up|chained|held hostage|being held|being kept|barricaded|"
        r"tied the door)\b|\blocked (?:in|inside)\b|"
        r"\blocked (?:her|him|them|herself|himself|themselves|the kids|the children|"
        r"the baby|my client)\b|\bwon't let (?:her|him|them|me|us|anyone) (?:out|leave|go|"
        r"get out|get up|get off|move)|\b(?:won't|refuses to|"
        r"refusing to) leave\b.{0,40}\b(?:making|forcing|threatening)|"
        r"\bmaking (?:her|him|them) hand over\b|\b(?:nobody|no one) is leaving\b|"
        r"\bbetween me and the (?:front |back )?door\b|"
        r"\bcan't get (?:out|it out|him out|her out|them out|down|in)\b|"
        r"\bkeeping (?:her|him|them) (?:in|there|locked|prisoner)|"
        r"\bholding (?:a |the )?(?:lad|man|woman|girl|boy|her|him|them|child|kid|baby)\b|"
        r"\bno one has come out\b|\bstill (?:inside|in there|upstairs|in it|in the water|"
        r"in the building)\b|\bunder (?:a|the) (?:car|wall|rubble)\b|"
        r"\bstuck in (?:a |the )?lift\b|\b(?:hand|arm|leg|foot) (?:is |'s )?(?:caught|"
        r"stuck|trapped) in\b|\bnot allowed to (?:leave|go out|go)\b|"
        r"\blocks? (?:them|her|him) in\b|\btied to (?:a|the) (?:chair|bed|radiator)\b|"
        r"\bstuck on (?:their|the|a) roof\b|\bwater (?:is )?(?:still )?rising\b|"
        r"\bswept (?:a|the|him|her|them) (?:car|away|off)\b|"
        r"\b(?:car|van|vehicle) (?:is )?in the (?:canal|river|lake|water|reservoir)\b",
    ),
    (
        "someone is in danger of falling, drowning or being hit",
        r"\b(?:lying|laying|lay|sat|sitting|standing|wandering|walking|running) (?:in|down|"
        r"along|across|on) (?:the )?(?:middle of )?(?:the )?(?:road|motorway|m1|m69|a\d+|"
        r"dual carriageway|railway|railway line|track|tracks|carriageway)\b|"
        r"\bedge of (?:the |a )?(?:flat )?(?:roof|bridge|balcony|cliff|platform|ledge|"
        r"quarry)\b|\bhanging (?:out of|off|from) (?:a |the )|\bcan't hold on\b|"
        r"\b(?:gone|fallen|fell|went|slipped) (?:through the ice|under|in the (?:river|"
        r"canal|water|lake|brook)|into the (?:river|canal|water|lake|brook))|"
        r"\b(?:in|into) the (?:river|canal|lake|brook|water|reservoir) and (?:can't|isn't|"
        r"not|hasn't|is struggling)|\bdrowning\b|\bhasn't come (?:back )?up\b|"
        r"\bswept (?:along|away)\b|\bcan't swim\b",
    ),
    (
        "someone is threatening to kill or hurt someone now",
        r"\b(?:is|are|'s|'re|keeps|been|saying|says|shouting|screaming|threatening|texted|"
        r"messaged|told (?:her|him|them|me)) (?:that )?(?:he|she|they|he's|she's|they're|"
        r"he'll|she'll|they'll|i'll|we'll|he is|she is|they are|is|are)? ?(?:going to |"
        r"coming to |about to |will )?(?:threatening to )?(?:kill|stab|shoot|cut|hurt|burn|"
        r"do (?:him|her|them)|smash|murder)\b|"
        r"\b(?:i'll|he'll|she'll|they'll|we'll|will) (?:kill|stab|shoot|murder|do|cut|"
        r"batter|glass|smash) (?:you|him|her|them|me|us|your)\b|"
        r"\bgoing to .{0,50}\b(?:do|kill|stab|shoot|murder|batter|glass) (?:him|her|them|"
        r"you)\b|\b(?:you're|your) dead\b|\bcoming (?:in )?for (?:you|him|her|them)\b|"
        r"\bcoming (?:tonight|round|back|later|over)? ?'?(?:to )?(?:finish|get|do|kill|"
        r"sort|batter|stab) (?:him|her|them|you)\b|\bto finish (?:him|her|them)\b|"
        r"\bcircling\b|\bon (?:his|her|their) way\b|"
        r"\bwaiting (?:for him|for her|at the|outside|in the car park)\b|"
        r"\bburn the (?:house|flat|place) down\b|"
        r"\b(?:going to|gonna|will) (?:smother|suffocate|strangle|drown|stab|shoot|kill|"
        r"hurt) (?:the kids|the children|the baby|them|him|her|you)\b|"
        r"\b(?:dealt with|sorted out|done in) tonight\b|"
        r"\b(?:going to|gonna|will) (?:do|sort|finish|get|batter) (?:the|that) (?:lad|man|"
        r"bloke|guy|woman|girl|kid|landlord|boy)\b|\bsort (?:him|her|them|the \w+) out\b",
    ),
    (
        "someone needs an ambulance now",
        r"\b(?:doing|giving|started|starting|do|give) (?:cpr|chest compressions|"
        r"mouth to mouth)\b|\b(?:getting|get|using|use|fetching|fetch|with|"
        r"on) the defib\w*|\bdefib\w* (?:on|off the wall)\b|"
        r"\bswallowed (?:a |the |some )?(?:button )?(?:batter(?:y|ies)|bleach|magnets?|"
        r"something)|\b(?:drunk|drank) (?:some )?bleach\b|\belectric(?:al)? shock\b|"
        r"\belectrocuted\b|\btouched (?:the|a) (?:live )?(?:cable|wire|power line)|"
        r"\btwitching\b|\b(?:badly|severely|really badly) (?:burned|burnt|scalded)\b|"
        r"\bskin is (?:blistered|blistering|coming away|peeling)|\bclammy\b|"
        r"\b(?:throat|tongue|lips|face) (?:is |are )?swelling\b|\bswelling up\b|"
        r"\banaphyla\w*|\bepipen\b|\bhypothermi\w*|"
        r"\bin the snow\b.{0,60}\b(?:not making sense|shaking|barefoot|confused)|"
        r"\bnot making sense\b.{0,60}\b(?:lips|shaking|cold|snow|blue|head)|"
        r"\b(?:lips|face) (?:are |is |look |looks |looking )?(?:blue|purple|grey)\b|"
        r"\bpupils? (?:looks?|is|are) (?:much )?(?:bigger|different|uneven)|"
        r"\b(?:vomiting|being sick)\b.{0,40}\b(?:confused|head)|"
        r"\b(?:banged|hit|smashed) (?:his|her|their) head\b.{0,80}\b(?:confused|vomiting|"
        r"being sick|not making sense|unconscious|blood)|"
        r"\b(?:baby|child|toddler|kid|kids|children) (?:left |locked )?in (?:a|"
        r"the) (?:hot )?car\b.{0,80}\b(?:windows|degrees|hot|red|quiet|crying|no sign)|"
        r"\bcarbon monoxide\b|\bcrush(?:ed)? (?:in|against)\b",
    ),
    (
        "a child is alone and in danger",
        r"\b(?:child|baby|toddler|kid|kids|children|little one|\d+ year old) (?:has been |"
        r"have been |is |are |been |was )?(?:left )?(?:alone|on (?:his|her|their) own|"
        r"unattended|home alone)\b.{0,60}\b(?:still|now|crying|screaming|window|balcony|"
        r"road|hours|no adult|nobody)",
    ),
    (
        "someone is threatening to kill or hurt many people",
        r"\b(?:a |the )?bomb\b(?! (?:scare (?:last|in)|disposal))|\bexplosives?\b|"
        r"\bset it off\b|\bdrive (?:his|her|their|a|the) (?:van|car|lorry|truck) into\b|"
        r"\bmass (?:shooting|stabbing)|\bshoot (?:the )?(?:place|school) up\b",
    ),
    (
        "someone is calling for help",
        r"\bshouting '?(?:get off me|help me|stop it|let me go)\b|"
        r"\b(?:line|call|phone) (?:has )?(?:cut|went|gone) (?:off|dead)\b|"
        r"\bgoing (?:straight )?to voicemail\b",
    ),
    (
        "someone has collapsed or is not breathing",
        r"\b(?:can't feel a|no|hasn't got a|can't find a) pulse\b|"
        r"\beyes (?:have )?rolled back\b|\b(?:has |just )?gone down (?:outside|in|on|at)\b",
    ),
    (
        "someone is calling for help",
        r"\b(?:crying|screaming|shouting|calling|begging) (?:out )?(?:for help|help|"
        r"for someone)\b|\bplease send (?:someone|help|police|an ambulance)|"
        r"\bsend (?:help|someone)\b|\bget someone (?:to|here|round)\b|\bhelp me they\b|"
        r"\bcan (?:someone|somebody|anyone|you) (?:get|come|go|send)\b.{0,60}\bnow\b",
    ),
]

# Words that mean danger but say nothing of when: they need a cue of the present.
DANGER: list[tuple[str, str]] = [
    (
        "someone is being attacked",
        rf"\b(?:{_VIOLENT_ING}|{_VIOLENT_PP}|fight|fighting|brawl|kicking off|kicked off|"
        rf"attack|assault|violence|violent|screaming|smashing|scuffle|scrap|hitting|"
        rf"punching|beating|lost it)\b",
    ),
    ("someone has a weapon now", rf"\b{_WEAPON}\b{_NOT_WEAPON_TALK}|\bstab|\bshoot|\bshank"),
    (
        "someone is threatening to kill or hurt someone now",
        r"\b(?:kill|murder|stab|shoot|hurt|cut|burn|threaten|threatening|threatened)\b",
    ),
    ("a fire is putting people at risk", r"\b(?:fire|smoke|burning|flames|alight|arson|gas)\b"),
    ("someone has taken an overdose", rf"\b{_DRUG_NAMES}\b"),
    (
        "someone may take their own life",
        r"\b(?:suicide|suicidal|jump|kill (?:himself|herself|themselves|myself))\b",
    ),
    (
        "someone is being taken against their will",
        r"\b(?:abduct\w*|kidnap\w*|snatch\w*|taken(?! over)|took(?! over)|grabbed|dragged|"
        r"bundled|picked (?:him|her|them) up)\b",
    ),
    (
        "someone has collapsed or is not breathing",
        r"\b(?:collapsed|bleeding|blood|breathing|injured|hurt|on the floor|on the ground|"
        r"in the road|in the water|drowning|not answering)\b",
    ),
    ("someone is trapped or held", r"\b(?:trapped|locked|held|hostage|stuck)\b"),
]

PRESENT = _any(
    r"right now",
    r"now",
    r"at the moment",
    r"as we speak",
    r"as i type",
    r"as i'm typing",
    r"as i'm writing",
    r"as i write",
    r"while i(?:'m| am| was) (?:writing|typing|here|there|in)",
    r"during (?:my|the|our) visit",
    r"on arrival",
    r"just now",
    r"literally just",
    r"(?:has|have|'s|'ve|had) just",
    r"(?:i|we|they|he|she|someone|somebody) just (?:\w+ed|rang|ran|took|came|went|got|fell|"
    r"threw|hit|shot|said|told|saw|heard|left|sent|put|cut|set|broke|drove|swallowed|"
    r"collapsed)",
    r"just (?:been|got|happened|seen|heard|rung|rang|phoned|called|messaged|texted|told|"
    r"turned|come|came|walked|run|ran|put|set|pulled|dragged|bundled|grabbed|snatched|"
    r"taken|took|swallowed|collapsed|fell|said|threw|shot|stabbed)",
    r"minutes? ago",
    r"seconds? ago",
    r"moments? ago",
    r"(?:an|half an|about an|1) hour ago",
    r"\d+ minutes",
    r"(?:ten|five|two|three|twenty|fifteen|few|couple of) minutes",
    r"quarter of an hour",
    r"still (?:here|there|inside|outside|going|happening|in|on|at|upstairs|downstairs|"
    r"connected|moving)",
    r"(?:i|we|you) can (?:hear|see)",
    r"can hear",
    r"can see",
    r"happening",
    r"please",
    r"send (?:someone|help|police|an ambulance)",
    r"get someone",
    r"help",
    r"tonight",
    r"this (?:evening|afternoon|morning)",
    r"today",
    r"currently",
    r"keeps",
    r"won't stop",
    r"going on",
    r"on (?:his|her|their|the) way",
    r"outside (?:her|his|my|the|their|our)",
    r"at (?:her|his|the|my|their|our) (?:door|window)",
    r"on the phone",
    r"call cut off",
    r"hurry",
    r"quick",
    r"fast",
    r"urgent",
    r"as soon as possible",
    r"immediately",
    r"right outside",
    r"in front of me",
    r"near me",
    r"at the minute",
    r"come quick",
    r"can't stop",
    r"pulled up",
    r"is in the",
    r"are in the",
)
STRONG_PRESENT = _any(
    r"right now",
    r"as we speak",
    r"as i type",
    r"as i'm typing",
    r"as i'm writing",
    r"as i write",
    r"just now",
    r"literally just",
    r"please send",
    r"send (?:someone|help|police|an ambulance)",
    r"get someone",
    r"help me",
    r"help us",
    r"hurry",
    r"come quick",
    r"still (?:here|there|inside|in there|connected)",
    r"(?:i|we) can (?:hear|see)",
    r"happening now",
    r"minutes? ago",
    r"on (?:his|her|their) way",
    r"(?:has|have|'s|'ve) just (?:been|taken|swallowed|collapsed|come|rung|phoned|messaged|"
    r"snatched|taken)",
)

# Wording that takes the danger out of the present.
_PAST = _any(
    r"(?<!since )last (?:week|month|year|night|summer|winter|spring|autumn|weekend|time|"
    r"term|christmas|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|"
    r"friday|sat|saturday|sun|sunday)",
    r"(?<!since )yesterday",
    r"(?:days?|weeks?|months?|years?|ages|decades?) ago",
    r"a (?:few|couple of) (?:days|weeks|months|years) (?:back|ago)",
    r"back in (?:(?:19|20)\d\d|the day|the summer|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|school)",
    r"in (?:19|20)\d\d",
    r"from (?:19|20)\d\d",
    r"since (?:19|20)\d\d",
    r"used to",
    r"in the past",
    r"previously",
    r"historic\w*",
    r"when (?:\w+ ){0,3}(?:was|were) (?:\d+|little|young|a child|at school|a baby)",
    r"over (?:christmas|the summer|the winter|the weekend|new year)",
    r"at the weekend",
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:night|morning|"
    r"afternoon|evening)",
    r"from (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|new year)",
    r"in (?:january|february|march|april|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)",
    r"on \d+(?:st|nd|rd|th)?(?: of)? (?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)",
    r"has since",
    r"had since",
    r"at the time",
    r"was convicted",
    r"were arrested",
    r"was arrested",
    r"has been discharged",
    r"convicted",
    r"still talk about",
    r"still has the scar",
    r"closed case",
    r"new years eve",
    r"earlier (?:today|this week|on)",
    r"was reported earlier",
    r"following (?:up )?(?:the|last night's|yesterday's|an|this) incident",
    r"the incident (?:logged|reported|on)",
    r"case review",
    r"for the record",
    # habits, not an emergency now
    r"usually",
    r"at weekends",
    r"every (?:night|day|evening|weekend|week|morning|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)",
    r"most (?:nights|days|weekends|evenings)",
    r"regularly",
    r"often",
    r"always",
    r"every time",
    r"whenever",
    r"usual pattern",
    r"as usual",
    r"her usual",
    r"his usual",
    r"keep (?:setting|starting|throwing|smashing|kicking)",
    r"(?:on )?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w* nights",
    r"all mouth",
)
_MEDIA = _any(
    r"videos?",
    r"vids?",
    r"clips?",
    r"footage",
    r"tiktok",
    r"youtube",
    r"(?:a|the|facebook|instagram|online|social media|his|her|their|this) posts?(?! office|"
    r" box| van)",
    r"posted (?:a |an |the )?(?:video|clip|photo|picture|footage|story|screenshot)",
    r"(?:was|were|been) posted",
    r"live ?stream\w*",
    r"streaming",
    r"watching",
    r"articles?",
    r"news",
    r"films?",
    r"filmed",
    r"drill",
    r"story",
    r"reshared",
    r"shared",
    r"sharing",
    r"circulating",
    r"screenshots?",
    r"memes?",
    r"mercury",
    r"horror",
    r"movie",
    r"game",
    r"documentary",
    r"tv",
    r"programme",
)
_WORK = _any(
    r"training",
    r"(?:training|awareness|information|education|practice|role play) session",
    r"session (?:on|about)",
    r"awareness",
    r"course",
    r"refresher",
    r"workshop",
    r"role play",
    r"roleplay",
    r"scenario",
    r"supervision",
    r"case study",
    r"meeting",
    r"minutes:",
    r"guidance",
    r"referral route",
    r"as tags",
    r"tags on",
    r"statistics",
    r"stats",
    r"figures",
    r"rise in",
    r"down from",
    r"up from",
    r"%",
    r"per cent",
    r"percent",
    r"naloxone",
    r"leaflets?",
    r"exercise",
    r"safety checks?",
    r"inspection",
    r"amnesty",
    r"prevention",
    r"(?:a|the) talk (?:on|about|at)",
    r"the portal",
    r"this form",
    r"policy",
    r"procedure",
    r"(?:this|last|next|the) quarter",
    r"survey",
    r"campaign",
    r"kits?",
    r"risk assessment",
    r"reflective",
    r"tick box",
    r"feedback",
    r"the form",
    r"fire drill",
    r"evacuation drill",
    r"fire practice",
    r"protocol",
    r"draft",
)
_QUESTION = _any(
    r"^if",
    r"what if",
    r"suppose",
    r"supposing",
    r"imagine",
    r"hypothetical\w*",
    r"in the event",
    r"would (?:it|we|you|i|this|the|that|staff)",
    r"should (?:we|i|staff)",
    r"what (?:should|happens|do|would)",
    r"who do",
    r"which team",
    r"what (?:they'd|they would|we'd|would we|i'd|i would|you'd) do",
    r"question for",
    r"would (?:a|an|that|this)",
    r"count as",
    r"is it (?:a|an|ok|okay|worth)",
    r"could this",
    r"can (?:the|this|we|i)",
    r"does anyone",
    r"do we",
    r"how do",
)
_DENIED = _any(
    r"(?:no one|no-one|nobody|none) (?:was |is |has been |got |had been |were )?(?:hurt|"
    r"injured|harmed|in danger|taken|stabbed|hit|trapped|inside|held|threatened)",
    r"(?:no one|nobody) has been (?:hurt|threatened)",
    r"not an emergency",
    r"not urgent",
    r"no (?:weapons?|knife|knives|injuries|injury|fire|threats?|one is in danger|damage)",
    r"there was no",
    r"there were no",
    r"(?:hasn't|hadn't|haven't|isn't|aren't|wasn't|weren't|not|never|don't|doesn't|"
    r"didn't) (?:got |been |being |had |have |has |carry |carried |carrying )?(?:a |"
    r"any )?(?:knife|knives|gun|weapon|weapons|held|locked|trapped|hurt|injured|stabbed|"
    r"threatened|taken|suicidal)",
    r"has never",
    r"have never",
    r"never (?:hit|carried|been)",
    r"does not have",
    r"doesn't have",
    r"not suicidal",
    r"no thoughts",
    r"is fine",
    r"are fine",
    r"all fine",
    r"is safe",
    r"are safe",
    r"safe now",
    r"now safe",
    r"was put out",
    r"been put out",
    r"already (?:been )?arrested",
    r"had already",
    r"has gone home",
    r"have gone home",
    r"gone home",
    r"dispersed",
    r"false",
    r"rumours?",
    r"turns out",
    r"turned out",
    r"isn't there now",
    r"not there now",
    r"nothing (?:is )?happening",
    r"nothing on fire",
    r"not now",
    r"not currently",
    r"no plan",
    r"no current",
    r"feeling (?:much )?better",
    r"is back home",
    r"are back home",
    r"back home now",
    r"all ok",
    r"is ok now",
    r"no longer",
    r"not in danger",
    r"(?:was|were|been|being|has been|have been) dealt with",
    r"is engaging",
    r"safety plan",
    r"is aware",
    r"are aware",
    r"gp is aware",
    r"has been referred",
    r"no incidents",
    r"no further",
    r"nothing to worry",
    r"was just",
    r"it was just",
    r"only a",
    r"just a rumour",
    r"calmed down",
    r"was calm",
    r"is calm",
    r"all clear",
    r"got arrested",
    r"been arrested",
    r"in custody",
    r"on remand",
    r"recovered",
    r"treated by",
    r"has been treated",
    r"kept in for observation",
    r"in hospital",
    r"recovering",
    r"discharged",
    r"was out before",
    r"everyone is safe",
    r"everyone's safe",
    r"nothing specific",
    r"no specific",
    r"please ignore",
    r"ignore this",
    r"test submission",
    r"testing the form",
    r"for awareness",
    r"logging (?:so|this|it)",
    r"home now and ok",
    r"is now in",
    r"was a (?:toy|plastic|replica)",
    r"toy (?:water )?(?:pistol|gun)",
    r"replica",
    r"fire is out",
    r"accounted for",
    r"talked down",
    r"taken to hospital",
    r"has been taken to",
    r"controlled burn",
    r"planned",
    r"supervised",
    r"made (?:it )?safe",
    r"chirping",
    r"(?:it's|its) the battery",
    r"false alarm",
    r"drill",
    r"is out now",
    r"refusing (?:her|his|their) (?:tablets|medication|meds|pills)",
    r"otherwise well",
    r"(?:not|isn't|wasn't) (?:a )?real",
    r"don't report",
    r"(?:he's|she's|they're|he is|she is|they are|everyone's|everyone is|"
    r"every one is) (?:fine|ok|okay|safe|stable)(?: now)?",
    r"and safe",
    r"on the ward",
    r"is stable",
    r"(?:took|taken) (?:him|her|them) to hospital",
    r"put it out",
    r"found no",
    r"no leak",
    r"slowing down",
    r"(?:bleeding|it|the bleeding|the fire|the fighting|the noise|the shouting) (?:has |"
    r"'s )?stopped",
    r"stopped bleeding",
    r"bonfire",
    r"garden waste",
    r"(?:nobody|no one|no-one)(?:'s| has) been (?:hurt|injured|harmed)",
    r"was empty",
    r"(?:nobody|no one|no-one) (?:was |is )?in (?:it|the car|the van|there)",
    r"(?:cat|dog|kitten|puppy|bird|horse|sheep|cow|pet)(?:'s)? (?:is |has been |"
    r"got )?(?:stuck|trapped|locked)",
)
# Generic negation words: cancel a danger word anywhere in its sentence, never a state.
_NEGATION = _any(
    r"wasn't", r"weren't", r"didn't", r"did not", r"had not", r"hadn't", r"was not", r"were not"
)
_FEARED_SOFT = _any(
    r"worried",
    r"worry",
    r"worries",
    r"fear",
    r"fears",
    r"afraid",
    r"frightened",
    r"scared",
    r"concerned",
    r"concern",
    r"if (?:he|she|they)",
)
_FEARED = _any(
    r"might",
    r"could",
    r"may",
    r"one day",
    r"eventually",
    r"at some point",
    r"matter of time",
    r"one of these days",
    r"at risk",
    r"risk of",
    r"if nothing changes",
    r"in the future",
    r"future",
    r"next (?:week|month|year|term)",
    r"when he's released",
    r"reckon",
    r"possible",
    r"possibly",
    r"potential",
    r"likely",
    r"suspect",
    r"suspected",
    r"rumoured",
    r"allegedly",
    r"talking about",
    r"planning",
    r"plans? to",
    r"over the summer",
    r"after the exams",
    r"in case",
    r"someone's going to get hurt",
    r"get hurt",
    r"end up",
    r"reportedly",
    r"for protection",
    r"will get",
    r"going to get",
    r"feels like",
    r"fantasi[sz]\w*",
    r"boast\w* (?:about|that)",
    r"brag\w* (?:about|that)",
    r"talks about",
    r"known to carry",
    r"been known to",
    r"appears? to",
    r"seems? to",
    r"apparently",
    r"known as",
    r"believed to be",
    r"nicknamed",
    r"residents report",
    r"reports? (?:of|that)",
    r"reportedly",
    r"tomorrow",
    r"next (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)
_RESOLVED = _any(
    r"no current risk",
    r"no immediate risk",
    r"no risk",
    r"no threat",
    r"everyone is safe",
    r"everyone's safe",
    r"all clear",
    r"no further action",
    r"not urgent",
    r"nothing specific",
    r"for the record",
    r"logging so",
    r"so the earlier call can be closed",
    r"was out before",
    r"fire was out",
    r"has been arrested",
    r"was arrested",
    r"got arrested",
    r"in custody",
    r"on remand",
    r"has been treated",
    r"kept in for observation",
    r"discharged",
    r"calmed down",
    r"was calm",
    r"is calm",
    r"no one was hurt",
    r"nobody was hurt",
    r"no one was injured",
    r"nobody was injured",
    r"no injuries",
    r"please ignore",
    r"testing the form",
    r"case review",
    r"following up the incident",
    r"for awareness",
    r"not an emergency",
    r"no one was inside",
    r"nobody was inside",
    r"(?:took|taken) (?:him|her|them) to hospital",
    r"(?:he's|she's|he is|she is) stable",
    r"is stable",
    r"(?:he's|she's|they're|everyone's) (?:fine|ok|okay) now",
    r"(?:nobody|no one) (?:was |were |got )?(?:threatened|hurt|injured|harmed)",
    r"it was a toy",
    r"toy (?:water )?(?:pistol|gun)",
    r"fire is out",
    r"accounted for",
    r"talked down",
    r"taken to hospital",
    r"made (?:it )?safe",
    r"back in class",
    r"have been informed",
    r"false alarm",
    r"is out now",
    r"has been put out",
    r"were put out",
    r"otherwise well",
    r"usual pattern",
    r"is her usual",
    r"is his usual",
)

_WORK_FRAME = _any(
    r"portal",
    r"this form",
    r"the form",
    r"feedback",
    r"tick box",
    r"training",
    r"meeting",
    r"drill",
    r"^minutes",
    r"protocol",
    r"(?:meeting|csp|board|jag) minutes",
    r"guidance",
    r"policy",
    r"statistics",
    r"stats",
    r"figures",
    r"agenda",
)
_MEDIA_FRAME_RE = re.compile(
    r"\b(?:videos?|vids?|clips?|footage|tiktok|youtube|films?|filmed|news|articles?|"
    r"live ?stream\w*|documentary|movie|screenshots?|(?:instagram|snapchat|facebook) story|"
    r"posted (?:yesterday|last|on (?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)))\b"
)
_WORK_FRAME_RE = re.compile(rf"\b{_WORK_FRAME}\b")
_CLAUSE = re.compile(r",|;|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bwhich\b|\bwho was\b")
_TEST_RE = re.compile(
    r"\b(?:test submission|testing the form|just testing|please ignore|ignore this|"
    r"this is a test)\b"
)
_FRAMES = re.compile(
    r"\b(?:scenario|role ?play|hypothetical\w*|case study|for discussion|imagine|exercise|"
    r"reflective practice|closed case|test submission|testing the form|just testing|"
    r"please ignore|ignore this|this is a test)\b"
)
_PAST_BEFORE = re.compile(r"\b(?:was|were|had been|had)\s+(?:\w+\s+){0,2}$")
_NEGATED_BEFORE = re.compile(
    r"\b(?:isn't|is not|not|wasn't|was not|never|no|aren't|hasn't|haven't|nobody|no one|"
    r"without)\s+(?:[\w']+\s+){0,3}$"
)


def _compile(pairs: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(reason, re.compile(pattern)) for reason, pattern in pairs]


_STATES = _compile(STATES)
_DANGER = _compile(DANGER)
_PRESENT = re.compile(rf"\b{PRESENT}\b")
_STRONG_PRESENT = re.compile(rf"\b{STRONG_PRESENT}\b")
_PAST_RE = re.compile(rf"\b{_PAST}\b")
_MEDIA_RE = re.compile(rf"\b{_MEDIA}\b")
_WORK_RE = re.compile(rf"(?:\b{_WORK}\b)")
_QUESTION_RE = re.compile(rf"\b{_QUESTION}\b")
_DENIED_RE = re.compile(rf"\b{_DENIED}\b")
_NEGATION_RE = re.compile(rf"\b{_NEGATION}\b")
_FEARED_RE = re.compile(rf"\b{_FEARED}\b")
_FEARED_SOFT_RE = re.compile(rf"\b{_FEARED_SOFT}\b")
_FEARING_RE = re.compile(
    r"\b(?:worried|worry|worries|fear|fears|afraid|frightened|scared|concerned)\b"
)
_RESOLVED_RE = re.compile(rf"\b{_RESOLVED}\b")


@dataclass(frozen=True)
class RuleHit:
    reason: str
    sentence: str  # as the submitter wrote it
    words: str  # the wording that matched, normalised
    strong: bool  # the sentence has a strong cue of the present ("right now", "please send")


def _clause_at(sentence: str, position: int) -> str:
    start = 0
    for match in _CLAUSE.finditer(sentence):
        if match.start() >= position:
            return sentence[start : match.start()]
        start = match.end()
    return sentence[start:]


def _cancelled(sentence: str, clause: str, *, strict: bool) -> bool:
    """Whether the sentence puts the danger outside the present.

    A state ("isn't breathing") is cancelled by its sentence's time, setting, question or
    denial ("nobody was hurt", "it was a controlled burn") and its clause's possibility; a danger
    word also by a plain negation ("didn't") and by fear."""
    if _MEDIA_RE.search(sentence) or _WORK_RE.search(sentence) or _QUESTION_RE.search(sentence):
        return True
    if sentence.rstrip().endswith("?"):
        return True
    if _PAST_RE.search(sentence) or _DENIED_RE.search(sentence):
        return True
    if strict and _NEGATION_RE.search(sentence):
        return True
    if _FEARED_RE.search(clause):
        return True
    return strict and bool(_FEARED_SOFT_RE.search(clause))


_ALL = [pattern for _, pattern in (*_STATES, *_DANGER)]


def _has_danger(normalised: str) -> bool:
    return any(pattern.search(normalised) for pattern in _ALL)


def _without_lookarounds(pattern: str) -> str:
    """The pattern with every (?!…), (?=…), (?<!…) and (?<=…) group removed, however nested."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?!", "(?=", "(?<!", "(?<="), i) and (
            i == 0 or pattern[i - 1] != "\\"
        ):
            depth, j = 0, i
            while j < len(pattern):
                if pattern[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                j += 1
                if depth == 0:
                    break
            i = j
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _quick_pattern() -> str:
    """Every state and danger pattern as one, without look-arounds (so it matches at least
    what they match), plus the spellings that normalise() would correct and letters typed
    three times. On the lower-cased text it answers "could anything here match?"."""
    parts = [_without_lookarounds(pattern.pattern) for pattern in _ALL]
    parts.append(r"\b(?:" + "|".join(re.escape(word) for word in SPELLINGS) + r")\b")
    parts.append("|".join(letter * 3 for letter in "abcdefghijklmnopqrstuvwxyz"))
    return "|".join(f"(?:{part})" for part in parts)


def _quick_search() -> Callable[[str], object] | None:
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency; the rules still work
        return None
    options = re2.Options()
    options.max_mem = 64 << 20
    search: Callable[[str], object] = re2.compile(_quick_pattern(), options).search
    return search


_quick = _quick_search()


def might_be_urgent(text: str) -> bool:
    """A fast first look (RE2, one linear pass): False means no rule can match the text and
    the model is not asked. Most reports stop here."""
    lowered = " ".join(
        text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").split()
    )
    if _quick is None:
        return _has_danger(normalise(text))
    return _quick(lowered) is not None


def rule_hits(text: str) -> list[RuleHit]:
    """Every sentence of `text` that the rules read as someone at risk now, with why."""
    hits: list[RuleHit] = []
    if not _has_danger(normalise(text)):
        return hits  # most reports: one pass over the whole text, no sentence work
    raw = sentences(text)
    normalised = [normalise(s) for s in raw]
    if normalised and (
        _FRAMES.search(normalised[0]) or any(_TEST_RE.search(s) for s in normalised)
    ):
        return hits
    # A text about a video, a meeting or the portal, or one that says the danger is over,
    # keeps only hits made with a strong cue of the present.
    about_media = any(_MEDIA_FRAME_RE.search(s) for s in normalised)
    about_work = bool(normalised) and bool(_WORK_FRAME_RE.search(normalised[0]))
    # resolved[n]: this sentence or a later one says the danger is over.
    resolved = [False] * (len(normalised) + 1)
    for n in range(len(normalised) - 1, -1, -1):
        resolved[n] = resolved[n + 1] or bool(_RESOLVED_RE.search(normalised[n]))
    for n, (original, sentence) in enumerate(zip(raw, normalised, strict=True)):
        if _FRAMES.search(sentence):
            continue
        hit = _state_hit(sentence) or _danger_hit(sentence)
        if hit is None:
            continue
        strong = bool(_STRONG_PRESENT.search(sentence))
        # Said to be over later in the text ("no current risk", "everyone is safe"), or a text
        # about a video or post, or about the portal or a meeting: only a strong cue counts.
        if (about_media or about_work or resolved[n]) and not strong:
            continue
        reason, wording = hit
        hits.append(RuleHit(reason=reason, sentence=original, words=wording, strong=strong))
    return hits


def _state_hit(sentence: str) -> tuple[str, str] | None:
    for reason, pattern in _STATES:
        for match in pattern.finditer(sentence):
            before = sentence[max(0, match.start() - 30) : match.start()]
            if _NEGATED_BEFORE.search(before) or _PAST_BEFORE.search(before):
                continue
            clause = _clause_at(sentence, match.start())
            if reason.startswith("someone is threatening") and _FEARING_RE.search(clause):
                continue  # "worried he's going to hurt someone" is a fear, not a threat made
            if not _cancelled(sentence, clause, strict=False):
                return reason, match.group(0)
    return None


def _danger_hit(sentence: str) -> tuple[str, str] | None:
    present = _PRESENT.search(sentence)
    if present is None:
        return None
    for reason, pattern in _DANGER:
        for match in pattern.finditer(sentence):
            if not _cancelled(sentence, _clause_at(sentence, match.start()), strict=True):
                return reason, f"{match.group(0)} … {present.group(0)}"
    return None


def open_danger(text: str) -> list[str]:
    """Sentences with wording of danger that nothing in them or around them puts in the past,
    a video, a meeting, a question or a denial: what the model is asked about when the rules
    found no emergency. Empty for a framed text ("scenario", "test submission")."""
    if not _has_danger(normalise(text)):
        return []
    raw = sentences(text)
    normalised = [normalise(s) for s in raw]
    if normalised and (
        _FRAMES.search(normalised[0]) or any(_TEST_RE.search(s) for s in normalised)
    ):
        return []
    if any(_RESOLVED_RE.search(s) or _MEDIA_FRAME_RE.search(s) for s in normalised):
        return []
    open_sentences = []
    for n, (original, sentence) in enumerate(zip(raw, normalised, strict=True)):
        if not _has_danger(sentence) or _cancelled(sentence, sentence, strict=True):
            continue
        # A story told in the past goes on in the past until something brings it to the present.
        if n and _PAST_RE.search(normalised[n - 1]) and not _PRESENT.search(sentence):
            continue
        open_sentences.append(original)
    return open_sentences


def danger_words(text: str) -> bool:
    """Whether the text has any wording of danger at all, cancelled or not (cheap gate)."""
    return _has_danger(normalise(text))
