"""Build the labelled person-matching pairs, deterministically.

    .venv/bin/python evaluation/people/make_pairs.py [--out evaluation/people/pairs.csv]

Each row is two person records (a name as a partner might write it, and perhaps an age at the
date of the report or a date of birth) and whether they are the same person. The labels are true
by construction: a matching pair is two renderings of one invented identity (a nickname, a
spelling variant, a typo, the surname first, an initial, lost diacritics, a middle name dropped,
a transliteration); a non-matching pair is two different identities chosen to look alike
(namesakes of different ages, siblings at one address, the same first name with another surname,
two people with one very common name).

The name lists are split in two before anything is drawn: the `heldout` rows are built first, from
one half of every list and their own seed, and the `tune` rows from the other half. Nothing in the
matcher was written from the held-out rows.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "pairs.csv"
SEEDS = {"heldout": 1207, "tune": 2412}
PER_FAMILY = {"heldout": 1, "tune": 1}  # multiplier on each family's pair count
COLUMNS = (
    "id", "split", "family", "label",
    "name_a", "age_a", "dob_a", "seen_a",
    "name_b", "age_b", "dob_b", "seen_b",
    "shared_context",
)  # fmt: skip

# --- name lists: the first spelling of each group is the usual one; the others are variants -----

ENGLISH_FIRST_NICKNAMES = [
    ("Jonathan", ["Jon", "Jonny", "Johnny"]),
    ("William", ["Bill", "Will", "Billy"]),
    ("Margaret", ["Peggy", "Maggie", "Meg"]),
    ("Robert", ["Bob", "Rob", "Bobby"]),
    ("Elizabeth", ["Liz", "Beth", "Lizzie"]),
    ("Katherine", ["Kate", "Katie", "Kathy"]),
    ("Richard", ["Rick", "Dick", "Richie"]),
    ("James", ["Jim", "Jimmy"]),
    ("Thomas", ["Tom", "Tommy"]),
    ("Michael", ["Mike", "Mick", "Mikey"]),
    ("Christopher", ["Chris", "Kit"]),
    ("Daniel", ["Dan", "Danny"]),
    ("Anthony", ["Tony"]),
    ("Samantha", ["Sam", "Sammy"]),
    ("Rebecca", ["Becky", "Becca"]),
    ("Jennifer", ["Jen", "Jenny"]),
    ("Alexander", ["Alex", "Sandy"]),
    ("Edward", ["Ed", "Ted", "Eddie"]),
    ("Patricia", ["Pat", "Trish", "Patty"]),
    ("Joseph", ["Joe", "Joey"]),
    ("Nicholas", ["Nick", "Nicky"]),
    ("Matthew", ["Matt"]),
    ("Andrew", ["Andy", "Drew"]),
    ("Deborah", ["Debbie", "Deb"]),
    ("Victoria", ["Vicky", "Tori"]),
    ("Susan", ["Sue", "Susie"]),
    ("Benjamin", ["Ben", "Benny"]),
    ("Henry", ["Harry", "Hank"]),
    ("Frederick", ["Fred", "Freddie"]),
    ("Lawrence", ["Larry", "Laurie"]),
    ("Timothy", ["Tim", "Timmy"]),
    ("Gregory", ["Greg"]),
    ("Jacqueline", ["Jackie"]),
    ("Leonard", ["Len", "Lenny"]),
    ("Terence", ["Terry"]),
    ("Ronald", ["Ron", "Ronnie"]),
    ("Donald", ["Don", "Donny"]),
    ("Philip", ["Phil"]),
    ("Jessica", ["Jess", "Jessie"]),
    ("Amanda", ["Mandy"]),
    ("Abigail", ["Abby", "Gail"]),
    ("Kimberley", ["Kim"]),
    ("Raymond", ["Ray"]),
    ("Dorothy", ["Dot", "Dolly"]),
]

FIRST_SPELLINGS = [
    ["Stephen", "Steven"],
    ["Katherine", "Catherine", "Kathryn"],
    ["Philip", "Phillip"],
    ["Geoffrey", "Jeffrey"],
    ["Sean", "Shaun", "Shawn"],
    ["Ann", "Anne"],
    ["Clare", "Claire"],
    ["Sarah", "Sara"],
    ["Lindsay", "Lindsey"],
    ["Matthew", "Mathew"],
    ["Isabel", "Isobel", "Isabelle"],
    ["Rachel", "Rachael"],
    ["Callum", "Calum"],
    ["Jayden", "Jaden"],
    ["Aaron", "Aron"],
    ["Zoe", "Zoey"],
    ["Leigh", "Lee"],
    ["Teresa", "Theresa"],
    ["Mohammed", "Muhammad", "Mohamed", "Mohammad"],
    ["Ahmed", "Ahmad"],
    ["Yusuf", "Yousef", "Youssef"],
    ["Aisha", "Ayesha"],
    ["Fatima", "Fatimah"],
    ["Hussain", "Hussein"],
    ["Omar", "Umar"],
    ["Sergei", "Sergey"],
    ["Dmitri", "Dmitry"],
    ["Yuri", "Yury"],
    ["Andrei", "Andrey"],
    ["Natalia", "Natalya"],
    ["Tatiana", "Tatyana"],
    ["Aleksandr", "Alexandr"],
    ["Khalid", "Khaled"],
    ["Mustafa", "Mostafa"],
    ["Kareem", "Karim"],
    ["Mariam", "Maryam"],
    ["Layla", "Leila"],
]

ENGLISH_FIRST = [
    "John", "David", "Paul", "Mark", "Peter", "Gary", "Kevin", "Craig", "Lee", "Dean", "Ryan",
    "Jordan", "Liam", "Connor", "Kyle", "Jamie", "Aaron", "Adam", "Luke", "Jack", "Harry", "Oliver",
    "George", "Charlie", "Mason", "Tyler", "Reece", "Shane", "Wayne", "Darren", "Neil", "Simon",
    "Karen", "Julie", "Tracey", "Michelle", "Lisa", "Emma", "Laura", "Sophie", "Chloe", "Megan",
    "Amy", "Hannah", "Lauren", "Jade", "Kayleigh", "Stacey", "Leanne", "Gemma", "Nicola", "Donna",
    "Joanne", "Helen", "Claire", "Louise", "Kelly", "Shannon", "Courtney", "Paige", "Ellie",
]  # fmt: skip

ENGLISH_SURNAMES = [
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
    "Green", "Hall", "Lewis", "Harris", "Clarke", "Jackson", "Wood", "Turner", "Martin", "Cooper",
    "Hill", "Ward", "Morris", "Moore", "King", "Baker", "Harrison", "Morgan", "Allen", "Scott",
    "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
    "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Marshall", "Simpson", "Ellis", "Adams",
    "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Mason", "Hunt", "Palmer",
    "Holmes", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens",
    "Jenkins", "Dixon", "Harvey", "Pearson", "Hudson", "Sutton", "Atkinson", "Fletcher", "Lambert",
    "Whitehouse", "Ashworth", "Pickering", "Threlfall", "Cartwright", "Holloway", "Bradshaw",
    "Sheridan", "Fairbrother", "Gallagher", "Quinlan", "Brennan", "Doherty", "McAllister",
]  # fmt: skip

SURNAME_SPELLINGS = [
    ["Smith", "Smyth"],
    ["Thompson", "Thomson"],
    ["Clarke", "Clark"],
    ["Davies", "Davis"],
    ["Phillips", "Philips"],
    ["Reid", "Reed"],
    ["Gray", "Grey"],
    ["Macdonald", "McDonald"],
    ["Mackenzie", "McKenzie"],
    ["Stephens", "Stevens"],
    ["Matthews", "Mathews"],
    ["Anderson", "Andersen"],
    ["Brown", "Browne"],
    ["Cook", "Cooke"],
    ["Lloyd", "Loyd"],
    ["Hussain", "Hussein", "Husain"],
    ["Chowdhury", "Choudhury", "Choudhary"],
    ["Rahman", "Rehman"],
    ["Ahmed", "Ahmad"],
    ["Mahmood", "Mehmood", "Mahmud"],
    ["Qureshi", "Kureshi"],
    ["Siddiqui", "Siddique"],
    ["Sharma", "Sarma"],
    ["Kowalski", "Kowalsky"],
    ["Ivanov", "Ivanoff"],
    ["Shevchenko", "Shevchenco"],
    ["Kovac", "Kovach"],
    ["Hoxha", "Hoxa"],
    ["Mansour", "Mansur"],
    ["Nasser", "Nasir"],
    ["Saleh", "Salih"],
    ["Youssef", "Yousef"],
    ["Qasim", "Kasim"],
    ["Farouk", "Faruk"],
    ["Darwish", "Darwich"],
    ["Zhou", "Zhow"],
]

# (written with diacritics, plain): the plain form is how a keyboard without them writes it.
DIACRITIC_NAMES = [
    ("Łukasz Wiśniewski", "Lukasz Wisniewski"),
    ("Paweł Dąbrowski", "Pawel Dabrowski"),
    ("Małgorzata Wójcik", "Malgorzata Wojcik"),
    ("Agnieszka Kamińska", "Agnieszka Kaminska"),
    ("Zoltán Kónya", "Zoltan Konya"),
    ("János Horváth", "Janos Horvath"),
    ("Jiří Dvořák", "Jiri Dvorak"),
    ("Tomáš Novák", "Tomas Novak"),
    ("Ștefan Ionescu", "Stefan Ionescu"),
    ("Ionuț Popescu", "Ionut Popescu"),
    ("Nguyễn Văn Hùng", "Nguyen Van Hung"),
    ("Trần Thị Lan", "Tran Thi Lan"),
    ("Đặng Văn Nam", "Dang Van Nam"),
    ("Phạm Thị Hương", "Pham Thi Huong"),
    ("Bùi Thị Mai", "Bui Thi Mai"),
    ("Võ Văn Long", "Vo Van Long"),
    ("José García", "Jose Garcia"),
    ("Zoë Müller", "Zoe Muller"),
    ("Bērziņš Jānis", "Berzins Janis"),
    ("Dritan Krasniqi", "Dritan Krasniqi"),
    ("Ayşe Yılmaz", "Ayse Yilmaz"),
    ("Çağla Öztürk", "Cagla Ozturk"),
    ("Søren Jørgensen", "Soren Jorgensen"),
    ("Renée Lefèvre", "Renee Lefevre"),
    ("Mateusz Żółtowski", "Mateusz Zoltowski"),
    ("Krzysztof Lewandowski", "Krzysztof Lewandowski"),
    ("Ágnes Szabó", "Agnes Szabo"),
    ("Dāvis Kalniņš", "Davis Kalnins"),
    ("Vytautas Kazlauskas", "Vytautas Kazlauskas"),
    ("Dušan Jovanović", "Dusan Jovanovic"),
]

# Foreign names by origin: (first-name variants, surname variants); a pair draws one of each side.
EASTERN_EUROPEAN = [
    (["Aleksandr", "Alexander", "Oleksandr"], ["Kovalenko", "Kowalenko"]),
    (["Sergei", "Sergey", "Serhiy"], ["Shevchenko", "Szewczenko"]),
    (["Dmitri", "Dmitry", "Dimitri"], ["Petrov", "Petroff"]),
    (["Yuri", "Yury", "Iurii"], ["Ivanov", "Ivanoff"]),
    (["Andrei", "Andrey", "Andrii"], ["Popescu"]),
    (["Mihai", "Mihail"], ["Ionescu"]),
    (["Katarzyna", "Katarina"], ["Nowak", "Novak"]),
    (["Paweł", "Pawel", "Pavel"], ["Kowalczyk", "Kowalcik"]),
    (["Wojciech", "Wojtek"], ["Zielinski", "Zielinsky"]),
    (["Natalia", "Natalya", "Nataliya"], ["Bondarenko"]),
    (["Tatiana", "Tatyana"], ["Melnyk", "Melnik"]),
    (["Oksana"], ["Tkachenko", "Tkachenco"]),
    (["Arben"], ["Berisha", "Berisa"]),
    (["Besnik"], ["Gashi", "Gasi"]),
    (["Agron"], ["Hoxha", "Hodja"]),
    (["Jonas"], ["Jankauskas", "Jankauskas"]),
    (["Marek"], ["Szymanski", "Shimanski"]),
    (["Piotr", "Peter"], ["Wozniak", "Woźniak"]),
    (["Elena", "Yelena", "Olena"], ["Moroz"]),
    (["Vasile", "Vasili"], ["Rusu"]),
    (["Bogdan"], ["Lungu"]),
    (["Irina", "Iryna"], ["Kravchenko", "Krawczenko"]),
    (["Nikolai", "Nikolay", "Mykola"], ["Sokolov", "Sokoloff"]),
    (["Mirela"], ["Dumitrescu"]),
]

SOUTH_ASIAN = [
    (["Mohammed", "Muhammad", "Mohd"], ["Iqbal", "Ikbal"]),
    (["Priya"], ["Sharma", "Sarma"]),
    (["Rahul"], ["Gupta", "Gupte"]),
    (["Harpreet"], ["Kaur"]),
    (["Gurpreet"], ["Singh"]),
    (["Jaswinder", "Jasvinder"], ["Sandhu"]),
    (["Imran"], ["Hussain", "Hussein", "Husain"]),
    (["Asif"], ["Chowdhury", "Choudhury"]),
    (["Tariq", "Tarik"], ["Mahmood", "Mehmood"]),
    (["Zainab", "Zaynab"], ["Begum", "Begom"]),
    (["Shazia"], ["Akhtar", "Akhter"]),
    (["Rajesh"], ["Patel"]),
    (["Sunita"], ["Mistry", "Mistri"]),
    (["Deepak", "Dipak"], ["Joshi"]),
    (["Anjali"], ["Desai"]),
    (["Bilal"], ["Qureshi", "Kureshi"]),
    (["Rizwan"], ["Malik"]),
    (["Farhan"], ["Siddiqui", "Siddiqi"]),
    (["Manpreet"], ["Dhillon", "Dhilon"]),
    (["Sanjay"], ["Chauhan", "Chouhan"]),
    (["Nadia", "Nadiya"], ["Rahman", "Rehman"]),
    (["Arjun"], ["Reddy", "Reddi"]),
    (["Lakshmi", "Laxmi"], ["Nair"]),
    (["Sadia"], ["Bibi"]),
]

ARABIC = [
    (["Mohammed", "Muhammad", "Mohamed"], ["Al-Hassan", "Alhassan", "Al Hassan"]),
    (["Ahmed", "Ahmad"], ["El-Sayed", "Elsayed", "El Sayed"]),
    (["Omar", "Umar"], ["Abdullah", "Abdallah"]),
    (["Yusuf", "Youssef", "Yousef"], ["Haddad"]),
    (["Ibrahim", "Ebrahim"], ["Mansour", "Mansur"]),
    (["Khalid", "Khaled"], ["Nasser", "Nasir"]),
    (["Hassan", "Hasan"], ["Saleh", "Salih"]),
    (["Mustafa", "Mostafa"], ["Hamdan"]),
    (["Abdullah", "Abdallah"], ["Khalil", "Khaleel"]),
    (["Kareem", "Karim"], ["Aziz"]),
    (["Walid", "Waleed"], ["Darwish", "Darwiche"]),
    (["Fatima", "Fatimah"], ["Al-Masri", "Almasri", "El Masri"]),
    (["Aisha", "Aysha"], ["Qasim", "Kassem", "Kasim"]),
    (["Mariam", "Maryam"], ["Farouk", "Farouq"]),
    (["Layla", "Leila"], ["Haddad"]),
    (["Noor", "Nour"], ["Ibrahim"]),
    (["Samir", "Sameer"], ["Al-Rashid", "Alrashid"]),
    (["Tarek", "Tariq"], ["Bakr", "Bakir"]),
    (["Hamza", "Hamzah"], ["Othman", "Osman", "Uthman"]),
    (["Zaid", "Zayd"], ["Al-Amin", "Alamin"]),
]

# Vietnamese: (family name, middle name, given name); written family first or given first.
VIETNAMESE = [
    ("Nguyen", "Van", "Minh"), ("Tran", "Thi", "Lan"), ("Le", "Minh", "Tuan"),
    ("Pham", "Thi", "Huong"), ("Hoang", "Van", "Hai"), ("Phan", "Thanh", "Long"),
    ("Vu", "Thi", "Mai"), ("Dang", "Van", "Nam"), ("Bui", "Duc", "Anh"), ("Do", "Thi", "Thao"),
    ("Ngo", "Quang", "Hung"), ("Duong", "Thi", "Linh"), ("Ly", "Van", "Dung"),
    ("Nguyen", "Thi", "Trang"), ("Tran", "Van", "Quang"), ("Le", "Thi", "Hoa"),
    ("Truong", "Van", "Khanh"), ("Huynh", "Ngoc", "Phuong"), ("Dinh", "Van", "Tai"),
    ("Lam", "Thi", "Ngoc"),
]  # fmt: skip

# Chinese: (family name, given name syllables, other romanisations of the family name)
CHINESE = [
    ("Zhang", ["Wei"], []), ("Wang", ["Fang"], []), ("Li", ["Xiao", "Ming"], ["Lee"]),
    ("Liu", ["Yang"], []), ("Chen", ["Jing"], []), ("Yang", ["Lei"], []),
    ("Huang", ["Yan", "Ling"], []), ("Zhao", ["Jun"], ["Chao"]), ("Wu", ["Hui"], []),
    ("Zhou", ["Min"], ["Chou"]), ("Xu", ["Qiang"], ["Hsu"]), ("Sun", ["Hao"], []),
    ("Ma", ["Xin", "Yi"], []), ("Zhu", ["Jie"], ["Chu"]), ("Hu", ["Jian", "Guo"], []),
    ("Guo", ["Mei"], ["Kuo"]), ("Lin", ["Yu", "Ting"], []), ("He", ["Xiao", "Long"], []),
    ("Gao", ["Peng"], []), ("Luo", ["Wen", "Jie"], ["Lo"]),
]  # fmt: skip

# Different names that look alike (one letter or a gendered ending apart): never the same person.
NEAR_NAMES = [
    ("Daniel", "Danielle"), ("Paul", "Paula"), ("Carl", "Carla"), ("Eric", "Erica"),
    ("Louis", "Louise"), ("Joan", "John"), ("Mario", "Maria"), ("Martin", "Martina"),
    ("Robert", "Roberta"), ("Francis", "Frances"), ("Sana", "Sara"), ("Adam", "Adan"),
    ("Nadia", "Nadir"), ("Ivan", "Ivana"), ("Jan", "Jana"), ("Andrea", "Andreas"),
    ("Kristian", "Kristina"), ("Julian", "Juliana"), ("Dean", "Dena"), ("Leon", "Leona"),
]  # fmt: skip

COMMON_FULL_NAMES = [
    "John Smith", "David Jones", "Mohammed Ali", "James Brown", "Michael Williams", "Sarah Taylor",
    "Paul Wilson", "Mohammed Khan", "Daniel Smith", "Emma Jones", "Andrew Taylor", "Mark Evans",
    "Jack Davies", "Chris Thomas", "Laura Smith", "Priya Patel", "Harpreet Kaur", "Gurpreet Singh",
    "Wei Wang", "Minh Nguyen", "Anna Nowak", "Ahmed Hussain", "Fatima Begum", "Adam Wright",
]  # fmt: skip


@dataclass(frozen=True)
class Record:
    name: str
    age: int | None = None
    dob: dt.date | None = None
    seen: dt.date | None = None


@dataclass(frozen=True)
class Pair:
    family: str
    label: int
    a: Record
    b: Record
    shared_context: int = 0


def half(items: Sequence, split: str) -> list:
    """Every other item: the held-out rows draw from one half of each list, tune from the other."""
    offset = 0 if split == "heldout" else 1
    return list(items[offset::2])


class Maker:
    def __init__(self, split: str) -> None:
        self.split = split
        self.rng = random.Random(SEEDS[split])

    # --- people and what a report says about their age ---------------------------------------

    def birth(self, low: int = 14, high: int = 70) -> dt.date:
        start = dt.date(2026, 1, 1) - dt.timedelta(days=365 * high)
        return start + dt.timedelta(days=self.rng.randrange(365 * (high - low)))

    def seen(self) -> dt.date:
        return dt.date(2024, 1, 1) + dt.timedelta(days=self.rng.randrange(900))

    def record(self, name: str, born: dt.date, mode: str | None = None, noise: int = 0) -> Record:
        """`mode`: "dob", "age" (age at the report, off by up to `noise` years) or "none"."""
        mode = mode or self.rng.choice(["dob", "age", "age", "none"])
        if mode == "none":
            return Record(name)
        seen = self.seen()
        if mode == "dob":
            return Record(name, dob=born, seen=seen)
        age = seen.year - born.year - ((seen.month, seen.day) < (born.month, born.day))
        if noise:
            age += self.rng.randint(-noise, noise)
        return Record(name, age=max(age, 1), seen=seen)

    def both(self, name_a: str, name_b: str, born: dt.date, *, known: bool = False) -> tuple:
        """Two reports of one person; `known` forces each to give an age or a date of birth."""
        modes = ["dob", "age"] if known else [None]
        return (
            self.record(name_a, born, self.rng.choice(modes), noise=self.rng.choice([0, 0, 1])),
            self.record(name_b, born, self.rng.choice(modes), noise=self.rng.choice([0, 0, 1])),
        )

    # --- how a name is written ----------------------------------------------------------------

    def style(self, first: str, last: str, middle: str = "") -> str:
        given = f"{first} {middle}".strip()
        style = self.rng.choice(["plain"] * 5 + ["comma", "upper", "lower", "upper_surname"])
        if style == "comma":
            return f"{last.upper() if self.rng.random() < 0.5 else last}, {given}"
        if style == "upper":
            return f"{given} {last}".upper()
        if style == "lower":
            return f"{given} {last}".lower()
        if style == "upper_surname":
            return f"{last.upper()} {given}"
        return f"{given} {last}"

    def typo(self, word: str) -> str:
        letters = list(word)
        i = self.rng.randrange(1, len(letters) - 1) if len(letters) > 3 else len(letters) - 1
        op = self.rng.choice(["swap", "drop", "double", "replace"])
        if op == "swap" and i + 1 < len(letters):
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
        elif op == "drop":
            del letters[i]
        elif op == "double":
            letters.insert(i, letters[i])
        else:
            nearby = {"a": "s", "e": "r", "i": "o", "o": "i", "n": "m", "m": "n", "r": "t"}
            letters[i] = nearby.get(letters[i].lower(), "e")
        return "".join(letters)

    def pick(self, items: Sequence):
        return self.rng.choice(list(items))

    # --- families --------------------------------------------------------------------------------

    def nickname(self, n: int) -> list[Pair]:
        groups = half(ENGLISH_FIRST_NICKNAMES, self.split)
        surnames = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            full, nicks = self.pick(groups)
            last = self.pick(surnames)
            born = self.birth()
            if k % 4 == 3:  # hard negative: the nickname of one name, a different person
                other, other_nicks = self.pick([g for g in groups if g[0] != full])
                a, b = (
                    self.record(self.style(full, last), born),
                    self.record(self.style(self.pick(other_nicks), last), self.birth(), "age"),
                )
                pairs.append(Pair("nickname", 0, a, b))
                continue
            a, b = self.both(self.style(full, last), self.style(self.pick(nicks), last), born)
            pairs.append(Pair("nickname", 1, a, b))
        return pairs

    def spelling_variant(self, n: int) -> list[Pair]:
        firsts = half(FIRST_SPELLINGS, self.split)
        surnames = half(SURNAME_SPELLINGS, self.split)
        plain_first = half(ENGLISH_FIRST, self.split)
        plain_last = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            born = self.birth()
            if k % 2 == 0:  # the surname spelt two ways
                first, (s1, s2) = self.pick(plain_first), self.rng.sample(self.pick(surnames), 2)
                a, b = self.both(self.style(first, s1), self.style(first, s2), born)
            else:  # the first name spelt two ways
                (f1, f2), last = self.rng.sample(self.pick(firsts), 2), self.pick(plain_last)
                a, b = self.both(self.style(f1, last), self.style(f2, last), born)
            pairs.append(Pair("spelling_variant", 1, a, b))
        return pairs

    def typo_family(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST + [g[0] for g in ENGLISH_FIRST_NICKNAMES], self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            first, last, born = self.pick(firsts), self.pick(lasts), self.birth()
            if k % 3 == 0:
                b_name = f"{self.typo(first)} {last}"
            else:
                b_name = f"{first} {self.typo(last)}"
            a, b = self.both(self.style(first, last), b_name, born)
            pairs.append(Pair("typo", 1, a, b))
        return pairs

    def swapped_order(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST, self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            first, last, born = self.pick(firsts), self.pick(lasts), self.birth()
            writings = [f"{last}, {first}", f"{last.upper()} {first}", f"{last} {first}"]
            a, b = self.both(f"{first} {last}", writings[k % 3], born)
            pairs.append(Pair("swapped_order", 1, a, b))
        return pairs

    def initials(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST + [g[0] for g in ENGLISH_FIRST_NICKNAMES], self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            first, last, born = self.pick(firsts), self.pick(lasts), self.birth()
            initial = self.pick(
                [f"{first[0]}. {last}", f"{first[0]} {last}", f"{last}, {first[0]}."]
            )
            if k % 3 == 2:  # a different person with the same initial, a very different age
                other = self.pick([f for f in firsts if f[0] == first[0] and f != first] or [first])
                a = self.record(initial, born, "age")
                b = self.record(self.style(other, last), self.birth_far_from(born), "age")
                pairs.append(Pair("initials", 0, a, b))
                continue
            a, b = self.both(initial, self.style(first, last), born, known=True)
            pairs.append(Pair("initials", 1, a, b))
        return pairs

    def birth_far_from(self, born: dt.date, gap: int = 12) -> dt.date:
        for _ in range(100):
            other = self.birth(10, 80)
            if abs((other - born).days) > 365 * gap:
                return other
        return born - dt.timedelta(days=365 * (gap + 5))

    def diacritics(self, n: int) -> list[Pair]:
        names = half(DIACRITIC_NAMES, self.split)
        pairs = []
        for k in range(n):
            accented, plain = names[k % len(names)]
            born = self.birth()
            a, b = self.both(accented, plain if k % 2 else plain.upper(), born)
            pairs.append(Pair("diacritics", 1, a, b))
        return pairs

    def middle_name(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST, self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for _ in range(n):
            first, middle, last = self.pick(firsts), self.pick(firsts), self.pick(lasts)
            born = self.birth()
            b_name = self.pick([f"{first} {last}", f"{first} {middle[0]} {last}"])
            a, b = self.both(self.style(first, last, middle), b_name, born)
            pairs.append(Pair("middle_name", 1, a, b))
        return pairs

    def hyphenated(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST, self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            first, (l1, l2), born = self.pick(firsts), self.rng.sample(lasts, 2), self.birth()
            b_name = self.pick([f"{first} {l1} {l2}", f"{first} {l1}-{l2}", f"{first} {l2}"])
            a, b = self.both(f"{first} {l1}-{l2}", b_name, born, known=k % 2 == 0)
            pairs.append(Pair("hyphenated", 1, a, b))
        return pairs

    def different_age(self, n: int) -> list[Pair]:
        """Namesakes: the same name (as written or a variant), ages far apart; a father and son
        at one address among them."""
        firsts = half(ENGLISH_FIRST + [g[0] for g in ENGLISH_FIRST_NICKNAMES], self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            first, last = self.pick(firsts), self.pick(lasts)
            born = self.birth()
            other = self.birth_far_from(born, gap=self.pick([8, 12, 20, 30]))
            a = self.record(self.style(first, last), born, self.pick(["dob", "age"]))
            b = self.record(self.style(first, last), other, self.pick(["dob", "age"]))
            pairs.append(Pair("different_age", 0, a, b, shared_context=int(k % 3 == 0)))
        return pairs

    def same_first_name(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST, self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for _ in range(n):
            first, (l1, l2) = self.pick(firsts), self.rng.sample(lasts, 2)
            born = self.birth()
            close = born + dt.timedelta(days=self.rng.randrange(-300, 300))
            a = self.record(self.style(first, l1), born)
            b = self.record(self.style(first, l2), close)
            pairs.append(Pair("same_first_name", 0, a, b))
        return pairs

    def same_surname(self, n: int) -> list[Pair]:
        """Brothers and sisters: one surname, one address, different first names."""
        firsts = half(ENGLISH_FIRST + [g[0] for g in ENGLISH_FIRST_NICKNAMES], self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for _ in range(n):
            (f1, f2), last = self.rng.sample(firsts, 2), self.pick(lasts)
            born = self.birth(10, 40)
            sibling = born + dt.timedelta(days=self.rng.randrange(300, 365 * 6))
            a = self.record(self.style(f1, last), born)
            b = self.record(self.style(f2, last), sibling)
            pairs.append(Pair("same_surname", 0, a, b, shared_context=self.pick([0, 1, 1])))
        return pairs

    def common_name(self, n: int) -> list[Pair]:
        """Very common names: the same person when the ages agree or the reports share an address;
        two different people when nothing but the name is shared."""
        names = half(COMMON_FULL_NAMES, self.split)
        pairs = []
        for k in range(n):
            name = self.pick(names)
            first, last = name.split(" ")
            born = self.birth()
            if k % 3 == 0:
                a, b = Record(self.style(first, last)), Record(self.style(first, last))
                pairs.append(Pair("common_name", 0, a, b))
            elif k % 3 == 1:
                a, b = self.both(self.style(first, last), self.style(first, last), born, known=True)
                pairs.append(Pair("common_name", 1, a, b))
            else:
                a, b = Record(self.style(first, last)), self.record(self.style(first, last), born)
                pairs.append(Pair("common_name", 1, a, b, shared_context=1))
        return pairs

    def single_name(self, n: int) -> list[Pair]:
        firsts = half(ENGLISH_FIRST + [g[0] for g in ENGLISH_FIRST_NICKNAMES], self.split)
        lasts = half(ENGLISH_SURNAMES + [s[0] for s in SURNAME_SPELLINGS], self.split)
        pairs = []
        for k in range(n):
            first, last, born = self.pick(firsts), self.pick(lasts), self.birth()
            lone = self.pick([first, first.lower(), first.upper()])
            if k % 2 == 0:  # one partner knew only the first name; the reports share an address
                a, b = self.both(lone, self.style(first, last), born)
                pairs.append(Pair("single_name", 1, a, b, shared_context=self.pick([1, 2])))
            else:  # the same first name and nothing else in common
                a, b = self.record(lone, born), self.record(self.style(first, last), self.birth())
                pairs.append(Pair("single_name", 0, a, b))
        return pairs

    def near_name(self, n: int) -> list[Pair]:
        names = half(NEAR_NAMES, self.split)
        lasts = half(ENGLISH_SURNAMES + [s[0] for s in SURNAME_SPELLINGS], self.split)
        pairs = []
        for k in range(n):
            f1, f2 = names[k % len(names)]
            last = self.pick(lasts)
            a = self.record(self.style(f1, last), self.birth(), self.pick(["dob", "age"]))
            b = self.record(self.style(f2, last), self.birth(), self.pick(["dob", "age", "none"]))
            pairs.append(Pair("near_name", 0, a, b, shared_context=int(k % 4 == 0)))
        return pairs

    def age_vs_dob(self, n: int) -> list[Pair]:
        """One report gives an age, the other a date of birth: consistent, or far apart."""
        firsts = half(ENGLISH_FIRST, self.split)
        lasts = half(ENGLISH_SURNAMES, self.split)
        pairs = []
        for k in range(n):
            first, last, born = self.pick(firsts), self.pick(lasts), self.birth()
            a = self.record(self.style(first, last), born, "dob")
            if k % 3 == 2:
                b = self.record(self.style(first, last), self.birth_far_from(born), "age")
                pairs.append(Pair("age_vs_dob", 0, a, b))
            else:
                b = self.record(self.style(first, last), born, "age", noise=k % 2)
                pairs.append(Pair("age_vs_dob", 1, a, b))
        return pairs

    def foreign(self, family: str, table: Sequence, n: int) -> list[Pair]:
        people = half(table, self.split)
        pairs = []
        for k in range(n):
            firsts, lasts = people[k % len(people)]
            born = self.birth()
            f1, f2 = self.pick(firsts), self.pick(firsts)
            l1, l2 = self.pick(lasts), self.pick(lasts)
            if k % 4 == 3:  # a relative: same surname, another first name, another age
                other_first = self.pick([p[0][0] for p in people if p[0] != firsts])
                a = self.record(self.style(f1, l1), born, "age")
                b = self.record(self.style(other_first, l2), self.birth_far_from(born, 8), "age")
                pairs.append(Pair(family, 0, a, b, shared_context=self.pick([0, 1])))
                continue
            a, b = self.both(self.style(f1, l1), self.style(f2, l2), born)
            pairs.append(Pair(family, 1, a, b))
        return pairs

    def vietnamese(self, n: int) -> list[Pair]:
        people = half(VIETNAMESE, self.split)
        pairs = []
        for k in range(n):
            family_name, middle, given = people[k % len(people)]
            born = self.birth()
            if k % 4 == 3:  # the same family name, a different given name: not the same person
                _, _, other = self.pick([p for p in people if p[2] != given])
                a = self.record(f"{family_name} {middle} {given}", born, "age")
                b = self.record(f"{other} {family_name}", self.birth(), "age")
                pairs.append(Pair("vietnamese", 0, a, b))
                continue
            writings = [
                f"{family_name} {middle} {given}",
                f"{given} {family_name}",
                f"{given} {middle} {family_name}",
                f"{family_name.upper()} {middle} {given}",
                f"{family_name}, {given}",
            ]
            w1, w2 = self.rng.sample(writings, 2)
            a, b = self.both(w1, w2, born)
            pairs.append(Pair("vietnamese", 1, a, b))
        return pairs

    def chinese(self, n: int) -> list[Pair]:
        people = half(CHINESE, self.split)
        pairs = []
        for k in range(n):
            family_name, given, romanisations = people[k % len(people)]
            born = self.birth()
            joined = "".join(given[:1]) + "".join(g.lower() for g in given[1:])
            if k % 4 == 3:  # the same family name (very common), another given name
                other = self.pick([p for p in people if p[1] != given])[1][0]
                a = self.record(f"{family_name} {joined}", born, "age")
                b = self.record(f"{other} {family_name}", self.birth(), "age")
                pairs.append(Pair("chinese", 0, a, b))
                continue
            other_family = self.pick(romanisations) if romanisations and k % 3 == 0 else family_name
            writings = [
                f"{family_name} {joined}",
                f"{joined} {family_name}",
                f"{' '.join(given)} {other_family}",
                f"{other_family.upper()} {joined}",
                f"{'-'.join(given)} {family_name}",
            ]
            w1, w2 = self.rng.sample(writings, 2)
            a, b = self.both(w1, w2, born, known=True)
            pairs.append(Pair("chinese", 1, a, b))
        return pairs

    def build(self) -> list[Pair]:
        m = PER_FAMILY[self.split]
        families: list[Callable[[], list[Pair]]] = [
            lambda: self.nickname(24 * m),
            lambda: self.spelling_variant(16 * m),
            lambda: self.typo_family(16 * m),
            lambda: self.swapped_order(12 * m),
            lambda: self.initials(15 * m),
            lambda: self.diacritics(15 * m),
            lambda: self.middle_name(10 * m),
            lambda: self.hyphenated(10 * m),
            lambda: self.different_age(18 * m),
            lambda: self.same_first_name(14 * m),
            lambda: self.same_surname(14 * m),
            lambda: self.common_name(15 * m),
            lambda: self.single_name(14 * m),
            lambda: self.near_name(16 * m),
            lambda: self.age_vs_dob(12 * m),
            lambda: self.foreign("eastern_european", EASTERN_EUROPEAN, 20 * m),
            lambda: self.foreign("south_asian", SOUTH_ASIAN, 20 * m),
            lambda: self.foreign("arabic", ARABIC, 20 * m),
            lambda: self.vietnamese(16 * m),
            lambda: self.chinese(16 * m),
        ]
        return [pair for family in families for pair in family()]


def rows(split: str) -> list[dict[str, str]]:
    out = []
    for i, pair in enumerate(Maker(split).build(), start=1):
        row = {"id": f"{split[0]}{i:04d}", "split": split, "family": pair.family}
        row["label"] = str(pair.label)
        for side, record in (("a", pair.a), ("b", pair.b)):
            row[f"name_{side}"] = record.name
            row[f"age_{side}"] = "" if record.age is None else str(record.age)
            row[f"dob_{side}"] = record.dob.isoformat() if record.dob else ""
            row[f"seen_{side}"] = record.seen.isoformat() if record.seen else ""
        row["shared_context"] = str(pair.shared_context)
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for split in ("heldout", "tune"):  # the held-out rows first
            writer.writerows(rows(split))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
