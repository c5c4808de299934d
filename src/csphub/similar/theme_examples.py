"""Example wordings for the seeded themes (intelligence/migrations/0002_seed_themes.py).

The theme suggester learns each theme from its name and description and from submissions
already graded under it; a new partnership has no graded submissions yet, and the seeded
themes have names only. These wordings, written as partner staff write reports, give each
seeded theme a start. A theme an administrator adds, or one renamed beyond its slug, is
learnt from its own name, description and graded submissions alone.
"""

EXAMPLES: dict[str, tuple[str, ...]] = {
    "community-cohesion": (
        "Tension between two groups of families on the estate since the protest last week",
        "Rumours on social media are turning residents against the new arrivals at the hotel",
        "Neighbours arguing about the mosque extension, some talk of a march",
        "Graffiti and leaflets appearing that set one community against another",
    ),
    "hate-crime": (
        "He was shouted at and called racist names because of his religion",
        "Homophobic abuse shouted at a couple outside the pub",
        "Someone keeps writing racist graffiti on the door of the family's house",
        "A disabled resident is mocked and targeted by neighbours because of his disability",
    ),
    "exploitation-modern-slavery": (
        "Workers at the car wash look frightened, live on site and never seem to be paid",
        "A woman says her passport was taken and she must work to pay off a debt",
        "Men are dropped off by a minibus at the farm early each morning and collected late",
        "Girls are being taken to parties by older men and given alcohol and gifts",
    ),
    "county-lines": (
        "Drug dealing from the flat, lots of visitors at all hours buying drugs",
        "Young lads from out of town are selling crack and heroin from a vulnerable man's flat",
        "A deal line phone number is being used to sell drugs and teenagers run the drugs",
        "Drugs are being sold from a car parked outside the shop every evening",
        "The tenant's flat has been taken over by dealers who use it to store and sell drugs",
        "A pupil has been seen carrying packages and large amounts of cash for older dealers",
    ),
    "knife-crime-serious-violence": (
        "A teenager showed other pupils a knife he keeps in his bag",
        "There was a stabbing near the park and the group involved is planning revenge",
        "Young men carrying machetes and knives around the estate",
        "A serious assault outside the nightclub, a man was badly beaten",
    ),
    "vulnerability": (
        "An elderly man with dementia is wandering at night and being taken advantage of",
        "A child comes to school hungry and in dirty clothes and seems frightened to go home",
        "A vulnerable adult with learning difficulties has new friends who are taking his money",
        "A young person has gone missing from care several times and returns with new phones",
    ),
    "domestic-sexual-abuse": (
        "Shouting and screaming from the house next door, the woman had bruises on her face",
        "Her partner controls her money and her phone and will not let her see her family",
        "A pupil disclosed that her stepfather touches her inappropriately",
        "A woman says her ex-partner keeps turning up and threatening her",
    ),
    "radicalisation-prevent": (
        "A student is sharing extremist videos and talking about joining a terrorist group",
        "A young man has become withdrawn and is posting far-right propaganda online",
        "Someone is handing out leaflets recruiting young people to an extremist ideology",
        "A pupil said that violence against people of another faith is justified",
    ),
    "anti-social-behaviour": (
        "Youths gathering by the shops every evening, drinking, shouting and throwing stones",
        "Motorbikes being ridden dangerously on the playing fields and footpaths",
        "Noise and rubbish from a house where parties go on all night",
        "Groups of teenagers intimidating residents and damaging bus shelters",
    ),
    "cybercrime-scams": (
        "Elderly residents receiving phone calls asking for their bank details",
        "A fake website is taking money for parcels that never arrive",
        "A pupil is being blackmailed online with photographs",
        "Someone hacked her email and social media accounts and is asking her friends for money",
    ),
    "general-crime": (
        "Bikes are being stolen from outside the station and sold online",
        "A man is selling stolen goods from the back of his van",
        "Sheds on the allotments have been broken into several times",
        "Shoplifting by the same group at several shops in the town centre",
    ),
}
