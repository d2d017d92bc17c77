"""A synthetic, seeded news corpus for the talkwatch benchmarks.

Every article is a .txt file with a ``Title:/Published:/Source:`` header, a blank line and a
body of 2-4 KB: event sentences about a pair of countries (talks held, scheduled or put
off, visits, ceasefires, clashes, demands, sanctions) with absolute and relative dates,
quotes and attributions, then filler paragraphs drawn Zipf-like from a few thousand words
of general news vocabulary, with people's names and figures for a realistic long tail.

The text is nonsense as news, but shaped like it: what matters here is the vocabulary, the
document sizes and the share of documents that hold the common words ("said",
"government", "talks"). Output depends only on (N, seed): the same call writes the same
bytes. Files are spread over folders of 1,000.

    python benchmarks/generate.py OUT_DIR --articles 20000 [--seed 7]
"""
from __future__ import annotations

import argparse
import bisect
import datetime as _dt
import json
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

VERSION = 2            # bump when the output changes: cached corpora are regenerated
PER_FOLDER = 1000
MIN_BYTES, MAX_BYTES = 2048, 4096

# --------------------------------------------------------------------- facts

# code, name, capital, demonym
COUNTRIES = [
    ("AFG", "Afghanistan", "Kabul", "Afghan"), ("PAK", "Pakistan", "Islamabad", "Pakistani"),
    ("IND", "India", "New Delhi", "Indian"), ("CHN", "China", "Beijing", "Chinese"),
    ("USA", "the United States", "Washington", "American"), ("RUS", "Russia", "Moscow", "Russian"),
    ("UKR", "Ukraine", "Kyiv", "Ukrainian"), ("TUR", "Turkey", "Ankara", "Turkish"),
    ("QAT", "Qatar", "Doha", "Qatari"), ("IRN", "Iran", "Tehran", "Iranian"),
    ("IRQ", "Iraq", "Baghdad", "Iraqi"), ("SAU", "Saudi Arabia", "Riyadh", "Saudi"),
    ("ARE", "the United Arab Emirates", "Abu Dhabi", "Emirati"), ("EGY", "Egypt", "Cairo", "Egyptian"),
    ("ISR", "Israel", "Jerusalem", "Israeli"), ("JOR", "Jordan", "Amman", "Jordanian"),
    ("SYR", "Syria", "Damascus", "Syrian"), ("LBN", "Lebanon", "Beirut", "Lebanese"),
    ("YEM", "Yemen", "Sanaa", "Yemeni"), ("OMN", "Oman", "Muscat", "Omani"),
    ("KWT", "Kuwait", "Kuwait City", "Kuwaiti"), ("BHR", "Bahrain", "Manama", "Bahraini"),
    ("ARM", "Armenia", "Yerevan", "Armenian"), ("AZE", "Azerbaijan", "Baku", "Azerbaijani"),
    ("GEO", "Georgia", "Tbilisi", "Georgian"), ("KAZ", "Kazakhstan", "Astana", "Kazakh"),
    ("UZB", "Uzbekistan", "Tashkent", "Uzbek"), ("TJK", "Tajikistan", "Dushanbe", "Tajik"),
    ("TKM", "Turkmenistan", "Ashgabat", "Turkmen"), ("KGZ", "Kyrgyzstan", "Bishkek", "Kyrgyz"),
    ("BGD", "Bangladesh", "Dhaka", "Bangladeshi"), ("NPL", "Nepal", "Kathmandu", "Nepali"),
    ("LKA", "Sri Lanka", "Colombo", "Sri Lankan"), ("MMR", "Myanmar", "Naypyidaw", "Myanmar"),
    ("THA", "Thailand", "Bangkok", "Thai"), ("KHM", "Cambodia", "Phnom Penh", "Cambodian"),
    ("VNM", "Vietnam", "Hanoi", "Vietnamese"), ("PHL", "the Philippines", "Manila", "Philippine"),
    ("IDN", "Indonesia", "Jakarta", "Indonesian"), ("MYS", "Malaysia", "Kuala Lumpur", "Malaysian"),
    ("JPN", "Japan", "Tokyo", "Japanese"), ("KOR", "South Korea", "Seoul", "South Korean"),
    ("PRK", "North Korea", "Pyongyang", "North Korean"), ("GBR", "Britain", "London", "British"),
    ("FRA", "France", "Paris", "French"), ("DEU", "Germany", "Berlin", "German"),
    ("ITA", "Italy", "Rome", "Italian"), ("ESP", "Spain", "Madrid", "Spanish"),
    ("POL", "Poland", "Warsaw", "Polish"), ("SRB", "Serbia", "Belgrade", "Serbian"),
    ("ETH", "Ethiopia", "Addis Ababa", "Ethiopian"), ("ERI", "Eritrea", "Asmara", "Eritrean"),
    ("SDN", "Sudan", "Khartoum", "Sudanese"), ("SSD", "South Sudan", "Juba", "South Sudanese"),
    ("SOM", "Somalia", "Mogadishu", "Somali"), ("KEN", "Kenya", "Nairobi", "Kenyan"),
    ("COD", "the Democratic Republic of the Congo", "Kinshasa", "Congolese"),
    ("RWA", "Rwanda", "Kigali", "Rwandan"), ("NGA", "Nigeria", "Abuja", "Nigerian"),
    ("DZA", "Algeria", "Algiers", "Algerian"), ("MAR", "Morocco", "Rabat", "Moroccan"),
    ("LBY", "Libya", "Tripoli", "Libyan"), ("VEN", "Venezuela", "Caracas", "Venezuelan"),
    ("COL", "Colombia", "Bogota", "Colombian"), ("BRA", "Brazil", "Brasilia", "Brazilian"),
    ("NOR", "Norway", "Oslo", "Norwegian"), ("CHE", "Switzerland", "Bern", "Swiss"),
]
BY_CODE = {c[0]: c for c in COUNTRIES}

# pairs that are in the news far more than others (first = most often)
HOT_PAIRS = [
    ("AFG", "PAK"), ("IND", "PAK"), ("ARM", "AZE"), ("RUS", "UKR"), ("ISR", "LBN"), ("ETH", "ERI"),
    ("SDN", "SSD"), ("CHN", "IND"), ("IRN", "USA"), ("KOR", "PRK"), ("COD", "RWA"), ("KHM", "THA"),
    ("SAU", "YEM"), ("DZA", "MAR"), ("KGZ", "TJK"), ("CHN", "USA"), ("IRN", "SAU"), ("SRB", "DEU"),
    ("COL", "VEN"), ("EGY", "ETH"), ("ISR", "SYR"), ("TUR", "SYR"), ("AFG", "IRN"), ("BGD", "MMR"),
]
MEDIATORS = ["QAT", "TUR", "OMN", "NOR", "CHE", "SAU", "EGY", "KAZ", "ARE", "CHN", "USA"]
# venues beyond capitals (a mediator's second city, the usual neutral grounds)
VENUES = {"TUR": ["Istanbul", "Antalya"], "CHE": ["Geneva", "Lausanne"], "SAU": ["Jeddah"],
          "ARE": ["Dubai"], "EGY": ["Sharm el-Sheikh"], "QAT": ["Doha"], "OMN": ["Muscat"]}
NEUTRAL = ["Geneva", "Vienna", "Istanbul", "Doha", "Oslo", "Helsinki", "Muscat", "Astana"]

SOURCES = [
    "The Daily Ledger", "Capital Courier", "Frontier Post Online", "Evening Courier", "The Border Herald",
    "Metro Gazette", "National Dispatch", "Global Wire Service", "Harbour Times", "The Morning Observer",
    "Continental Review", "Eastern Chronicle", "Valley Tribune", "Coastal Standard", "The Weekly Record",
    "Northern Sentinel", "Plains Examiner", "Union Press Agency", "Summit News", "Riverside Bulletin",
]

ROLES = [
    "foreign minister", "prime minister", "president", "defence minister", "interior minister",
    "national security adviser", "foreign secretary", "army chief", "special envoy", "trade minister",
    "deputy foreign minister", "intelligence chief", "ambassador", "chief negotiator",
]
ATTRIB = [
    "officials said", "a government spokesperson said", "the foreign ministry said in a statement",
    "diplomats said", "according to a government statement", "two officials familiar with the matter said",
    "state media reported", "a senior government official said on condition of anonymity",
    "the ministry said", "sources in the government said", "the spokesperson told reporters",
    "a statement from the prime minister's office said",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# --------------------------------------------------------------------- vocabulary
# Listed roughly from common to rare: the position is the Zipf rank within each list.

NOUNS = """
government official minister country year week day people police security region border meeting
report statement issue force state leader group plan deal agreement party election court law
policy economy market price city province area member office spokesperson decision support
talk process situation crisis conflict peace war attack side point time month part number
committee council parliament president delegation team visit trip dialogue proposal vote
budget tax trade investment company bank oil gas power energy water food aid health hospital
school student teacher child woman family home house village town road bridge port airport
railway project plant factory worker job wage farmer crop harvest season rain flood drought
storm fire earthquake damage victim survivor refugee camp shelter camp charity donor fund
loan debt currency inflation growth export import tariff sanction embargo license permit
contract tender supplier customer consumer shop store retailer brand product service network
phone internet website platform user data privacy system software hacker cyberattack
soldier troop army navy air base weapon missile drone rocket shell artillery tank convoy
patrol checkpoint post camp operation raid offensive militant fighter rebel insurgent
commander general colonel officer guard prisoner detainee hostage exchange release
negotiation negotiator mediator envoy ambassador embassy consulate diplomat mission summit
conference forum panel session round framework roadmap draft text clause article chapter
treaty accord pact protocol memorandum understanding commitment guarantee assurance
demand condition concession compromise breakthrough setback impasse deadlock stalemate
ceasefire truce violation clash skirmish exchange firing incident casualty death injury
protest demonstration rally march strike boycott crowd protester activist organiser
opposition coalition alliance bloc faction movement campaign candidate voter ballot poll
result count turnout fraud complaint commission inquiry investigation probe audit evidence
witness testimony trial judge lawyer verdict sentence appeal ruling case charge arrest
suspect crime murder robbery theft smuggling trafficking narcotics seizure cargo shipment
vessel ship boat fisherman coast island sea river lake dam canal pipeline corridor route
highway tunnel crossing terminal gate fence wall zone territory district capital province
ministry department agency authority regulator body institution university institute
researcher scientist study survey analysis estimate figure statistic percentage rate
share stake stock bond investor shareholder profit loss revenue earnings quarter forecast
outlook recovery recession slowdown surplus deficit reserve subsidy reform programme
scheme initiative measure step action response reaction warning threat risk danger
concern fear hope expectation pressure tension dispute disagreement difference rift
relation tie partnership cooperation friendship neighbour partner ally rival enemy
history tradition culture religion language heritage festival ceremony anniversary
celebration tournament match player coach club league cup championship stadium fan
film actor singer artist music album book author novel newspaper editor journalist
reporter correspondent broadcaster channel radio television interview article column
weather temperature heat cold winter summer spring autumn morning evening night weekend
vaccine virus disease outbreak patient doctor nurse clinic medicine treatment test case
pandemic lockdown restriction curfew travel flight passenger tourist visa passport
migrant asylum deportation detention border guard smuggler boat crossing
electricity grid outage blackout shortage supply demand fuel petrol diesel coal solar wind
climate emission pollution forest wildlife land soil irrigation agriculture livestock
mining mine gold copper lithium mineral resource contractor engineer construction
housing rent mortgage property developer infrastructure investment
archive manuscript museum gallery exhibition sculpture painting orchestra theatre opera
ballet poet lecture seminar curriculum exam scholarship graduate campus dormitory library
laboratory experiment telescope satellite orbit launchpad astronaut rover microscope
enzyme protein genome mutation antibody diagnosis surgery ambulance paramedic pharmacy
insurance pension annuity dividend auction bidder tenderer liquidity solvency bankruptcy
merger acquisition takeover monopoly cartel antitrust watchdog ombudsman whistleblower
lobbyist donor sponsor endorsement manifesto referendum plebiscite amendment statute
decree ordinance bylaw loophole precedent jurisdiction arbitration tribunal magistrate
prosecutor defendant plaintiff juror bailiff parole probation amnesty pardon extradition
espionage sabotage surveillance reconnaissance interception encryption propaganda
disinformation rumour hoax scandal controversy backlash outcry uproar furore petition
pilgrimage shrine mosque church temple monastery cathedral cemetery mausoleum monument
glacier avalanche landslide cyclone monsoon heatwave wildfire tsunami volcano aftershock
locust drought famine malnutrition cholera measles malaria tuberculosis epidemic quarantine
orchard vineyard plantation granary silo warehouse depot freight container logistics
tanker freighter trawler ferry barge dredger lighthouse harbour wharf pier jetty marina
turbine reactor refinery smelter foundry quarry kiln furnace generator transformer substation
bicycle motorcycle scooter tram minibus truck lorry trailer caravan locomotive carriage
cricket football wrestling boxing marathon cyclist sprinter goalkeeper referee umpire
chef restaurant bakery butcher grocer vendor bazaar marketplace stall kiosk pawnbroker
""".split()

VERBS = """
say add call meet hold plan expect agree want need discuss push ask urge warn claim insist
announce confirm deny accuse blame criticise condemn welcome praise reject accept approve
sign launch open close start end resume suspend postpone delay cancel host visit attend
travel arrive return leave move reach join form lead support back oppose block allow
prevent stop help work seek offer provide deliver receive send deploy withdraw pull
attack target kill injure wound destroy damage fire shell strike bomb capture seize
arrest detain release free exchange transfer hand demand threaten impose lift ease extend
renew raise cut increase reduce boost drop fall rise climb slow grow expand shrink
invest spend borrow lend pay owe cost earn export import produce build repair restore
improve worsen affect hit hurt suffer face struggle fail succeed manage handle address
review examine investigate probe report reveal disclose publish release publish share
question answer respond react explain describe note point mention stress underline
highlight signal indicate suggest propose recommend consider decide determine resolve
settle negotiate mediate broker facilitate observe monitor verify inspect check test
vote elect appoint nominate dismiss resign replace succeed retire promote recruit train
protest march gather rally chant clash disperse evacuate rescue shelter treat vaccinate
predict forecast estimate calculate count register record document file sue charge
convict sentence acquit appeal overturn uphold rule order direct instruct authorise
""".split()

ADJECTIVES = """
new former senior national foreign local international regional military political economic
public private official high low major key main recent last next early late long short
bilateral trilateral multilateral diplomatic security strategic commercial financial social
general special joint direct indirect formal informal fresh further initial final full
partial temporary permanent previous current future possible likely unlikely potential
serious severe heavy light strong weak firm clear open closed secret confidential
important significant critical crucial urgent immediate direct large small big huge
growing rising falling stable fragile tense calm peaceful violent deadly fatal wounded
armed unarmed civilian northern southern eastern western central remote rural urban
coastal mountainous border frontier cross-border disputed occupied contested neighbouring
independent opposition ruling governing conservative liberal moderate radical hardline
religious ethnic tribal traditional modern digital online technical legal illegal
constitutional judicial electoral parliamentary presidential ministerial administrative
humanitarian medical environmental agricultural industrial commercial maritime naval
nuclear chemical conventional ballistic annual monthly weekly daily quarterly historic
unprecedented rare common widespread limited broad narrow deep shallow difficult easy
positive negative constructive productive fruitful cordial frank candid friendly hostile
""".split()

ADVERBS = """
also however still already now again soon later recently currently earlier further
nearly almost about around only just even yet instead meanwhile separately jointly
publicly privately officially formally reportedly allegedly apparently reluctantly
firmly strongly repeatedly sharply briefly quickly slowly gradually eventually finally
""".split()

DETS = ["the", "the", "the", "a", "this", "that", "its", "their", "one", "another", "every", "each"]
PREPS = ["in", "in", "on", "at", "for", "with", "from", "to", "by", "over", "after", "before", "during",
         "under", "against", "without", "across", "near", "between", "among", "despite", "amid"]
TIMES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
         "on Sunday", "last week", "this week", "last month", "this year", "last year", "earlier",
         "in recent weeks", "in recent months", "since January", "over the weekend", "overnight",
         "in the morning", "late on Tuesday", "early on Friday", "for years", "for decades"]

# syllables for people's names and the rare tail
SYL1 = ["ka", "ma", "sa", "ta", "ra", "na", "ha", "ja", "la", "da", "ba", "fa", "ga", "za", "ya",
        "ko", "mo", "so", "to", "ro", "no", "ho", "jo", "lo", "do", "bo", "fo", "go", "zo", "yo",
        "ki", "mi", "si", "ti", "ri", "ni", "hi", "ji", "li", "di", "bi", "fi", "gi", "zi", "ku",
        "mu", "su", "tu", "ru", "nu", "hu", "ju", "lu", "du", "bu", "fu", "gu", "zu", "ke", "me",
        "se", "te", "re", "ne", "he", "le", "de", "be", "fe", "ge", "ze", "al", "el", "ar", "or"]
SYL2 = ["rim", "lan", "dor", "vin", "mal", "tek", "sar", "bel", "kov", "nez", "han", "mir", "zad",
        "din", "ler", "son", "man", "rov", "ski", "vic", "ani", "ami", "ova", "eva", "ita", "ari",
        "tan", "kar", "sha", "dul", "mat", "ber", "gor", "lin", "nov", "pur", "ram", "sel", "tov",
        "ush", "wal", "yev", "zor", "bek", "dar", "fay", "hal", "jan", "kin", "lev", "mon"]
SYL3 = ["", "", "", "a", "i", "o", "ov", "ev", "in", "an", "er", "el", "ez", "is", "us", "ia",
        "ski", "son", "ani", "zai", "ullah", "ovic", "enko", "yan", "ian", "oglu", "ari"]
FIRST = ["Ahmad", "Maria", "John", "Fatima", "Ali", "Elena", "David", "Aisha", "Omar", "Sofia",
         "Michael", "Amina", "Hassan", "Anna", "James", "Layla", "Ivan", "Nadia", "Rahul", "Mei",
         "Carlos", "Zainab", "Peter", "Leila", "Yusuf", "Olga", "Samuel", "Priya", "Tariq", "Irina",
         "Daniel", "Noor", "Sergei", "Hana", "Kofi", "Ana", "Ibrahim", "Chen", "Thomas", "Mariam"]

RARE_WORDS = ["hydrofoil", "quartermaster", "bellwether", "palimpsest", "semaphore", "zeppelin"]

# --------------------------------------------------------------------- sentence templates
# Filler: slots in braces; N noun, NS plural, V verb, VD past, VG -ing, VS 3rd person,
# A adjective, R adverb, D determiner, P preposition, T time, NUM number, NAME person,
# CITY place.
FILLER = [
    "{D} {A} {N} {VD} {P} the {N} {T}.",
    "The {N} {VS} {D} {A} {N} {P} the {A} {NS}.",
    "{NAME}, {D} {N} {P} the {A} {N}, {VD} that the {NS} had {VD} {R}.",
    "{A} {NS} {R} {VD} the {N} {P} {CITY}, where {NUM} {NS} were {VD} {T}.",
    "It was not clear whether the {N} would {V} the {A} {N}.",
    "The {A} {N} {VD} {NUM} percent {P} the {N}, the {N} {VD}.",
    "{D} {N} of {NUM} {NS} {VD} {P} {D} {A} {N} {T}.",
    "Critics say the {N} {R} {VS} the {NS} of {A} {NS}.",
    "{VG} the {N} {VS} {A} {NS} {P} the {N}, {NAME} {VD}.",
    "The {N} is expected to {V} {D} {A} {N} by the end of the {N}.",
    "In {CITY}, {NS} {VD} {A} {NS} and {VD} the {N}.",
    "{NAME} {VD} {D} {N} {P} {NUM} {NS}, {VG} {D} {A} {N}.",
    "The {NS} {R} {VD} to {V} the {N}, {VG} {A} {NS}.",
    "More than {NUM} {NS} have been {VD} since the {N} began.",
    "{D} {A} {N} has {VD} {P} {CITY} {P} the {A} {N}.",
    "Officials {VD} the {N} and {VD} {A} {NS} {T}.",
    "The {N} {VD} {NUM} {NS} {T}, up from {NUM} a year earlier.",
    "{A} {NS} {VS} the {N}, but {D} {N} {R} {VD}.",
    "Asked about the {N}, {NAME} {VD} to {V} the {A} {NS}.",
    "Traffic at the main border crossing near {CITY} was {VD} {T}, {D} {N} {VD}.",
    "{NAME} {VD} that {NUM} {NS} {VD} the {A} {N} {P} {CITY}.",
    "The {A} {N} of the {N} {VD} {P} {NUM}, {D} {N} {VD}.",
]

# Event sentences: {A}/{B} names, {a}/{b} demonyms, {capA}/{capB}, {city}, {M} mediator,
# {when} date phrase, {who} attribution, {role}, {person}, {num}
EV_FUTURE = [
    "{A} and {B} will hold talks in {city} {when}, {who}.",
    "Delegations from {A} and {B} are scheduled to meet in {city} {when} for a new round of talks, {who}.",
    "The {a} {role} is expected to visit {capB} {when} for talks with {b} officials, {who}.",
    "{M} will host a second round of talks between {A} and {B} in {city} {when}, {who}.",
    "Negotiators from {A} and {B} are due to resume talks in {city} {when}, {who}.",
    "A meeting between the {a} and {b} {role}s has been planned for {when} in {city}, {who}.",
    "{A} has invited a {b} delegation to {capA} {when} to discuss the border, {who}.",
    "Talks on a ceasefire between {A} and {B} are set to begin {when} in {city}, {who}.",
]
EV_PAST = [
    "{A} and {B} held talks in {city} {when}, {who}.",
    "The {a} and {b} delegations met in {city} {when} and agreed to meet again, {who}.",
    "The {a} {role} visited {capB} {when} and held talks with {b} leaders, {who}.",
    "{A} and {B} agreed to a ceasefire along their border {when}, {who}.",
    "Talks between {A} and {B} in {city} were postponed {when} after a dispute over the agenda, {who}.",
    "The planned meeting between {a} and {b} officials was called off {when}, {who}.",
    "{a} and {b} forces exchanged fire near the border {when}, killing {num} people, {who}.",
    "Clashes broke out between {a} and {b} troops along the frontier {when}, {who}.",
    "{A} demanded that {B} stop cross-border attacks, {who} {when}.",
    "{A} imposed fresh sanctions on {B} {when} over its support for armed groups, {who}.",
    "Mediated by {M}, talks between {A} and {B} ended in {city} {when} without an agreement, {who}.",
    "The ceasefire between {A} and {B} collapsed {when} after a fresh exchange of fire, {who}.",
    "{A} recalled its ambassador from {capB} {when} in protest, {who}.",
    "{A} and {B} signed a trade agreement in {city} {when}, {who}.",
    "{A} accused {B} of violating the truce {when}, {who}.",
]
QUOTES = [
    "\u201cWe are ready for dialogue, but the other side must show that it is serious,\u201d {person}, the {a} {role}, said.",
    "\u201cThe talks were frank and constructive,\u201d {person} told reporters in {city}.",
    "\u201cThere can be no talks while the attacks continue,\u201d said {person}, a spokesperson for the {a} government.",
    "\u201cWe hope the next round will bring results for both countries,\u201d the {a} {role} said.",
    "\u201cOur position has not changed,\u201d {person} said, adding that the government would not accept new conditions.",
    "\u201cThe ceasefire is holding for now, but it is fragile,\u201d a {b} official said.",
    "\u201cWe will respond to any violation,\u201d the {b} {role} warned on state television.",
]
TITLES_FUTURE = [
    "{A}, {B} to hold talks in {city}", "{a} {role} to visit {capB}", "New round of {a}-{b} talks set for {city}",
    "{M} to host {a}-{b} talks", "{A} and {B} to resume talks {when}",
]
TITLES_PAST = [
    "{A} and {B} hold talks in {city}", "{a} {role} visits {capB}", "{a}-{b} talks postponed",
    "{A}, {B} agree to ceasefire", "Border clashes between {A} and {B}", "{A} imposes sanctions on {B}",
    "{A} demands action from {B}", "{a}-{b} talks end without deal", "Ceasefire between {A} and {B} collapses",
]
GENERAL_TITLES = [
    "{A} {N} {VS} {A2} {NS}", "{NS} {VD} in {CITY}", "Government {VS} {N} {N2}",
    "{A} {N} {VD} after {N2}", "{CITY} {NS} {V} {A} {N}",
]
GOV_LINES = [
    "The government has not commented on the {N}.",
    "A government spokesperson said the {N} would be reviewed.",
    "The government said it would {V} the {NS} {T}.",
]

# --------------------------------------------------------------------- drawing helpers


_IRREGULAR_PLURAL = {"child": "children", "people": "people", "police": "police", "data": "data",
                     "evidence": "evidence", "woman": "women", "man": "men", "crisis": "crises",
                     "analysis": "analyses", "livestock": "livestock", "privacy": "privacy",
                     "heritage": "heritage", "software": "software", "weather": "weather",
                     "logistics": "logistics", "freight": "freight", "music": "music", "aid": "aid"}


def _inflect_noun(n: str) -> str:
    if n in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[n]
    if n.endswith(("s", "x", "ch", "sh")):
        return n + "es"
    if n.endswith("y") and n[-2:-1] not in "aeiou":
        return n[:-1] + "ies"
    return n + "s"


def _inflect_verb(v: str) -> tuple[str, str, str]:
    """(past, -ing, 3rd person) by the regular rules (good enough for filler)."""
    if v.endswith("e"):
        past, ing = v + "d", v[:-1] + "ing"
    elif v.endswith("y") and v[-2:-1] not in "aeiou":
        past, ing = v[:-1] + "ied", v + "ing"
    elif len(v) <= 4 and v[-1] in "bdgmnprt" and v[-2] in "aeiou" and v[-3:-2] not in "aeiou":
        past, ing = v + v[-1] + "ed", v + v[-1] + "ing"
    else:
        past, ing = v + "ed", v + "ing"
    irregular = {"say": "said", "meet": "met", "hold": "held", "lead": "led", "send": "sent",
                 "spend": "spent", "lend": "lent", "pay": "paid", "build": "built", "fall": "fell",
                 "rise": "rose", "grow": "grew", "leave": "left", "hit": "hit", "hurt": "hurt",
                 "cut": "cut", "cost": "cost", "shrink": "shrank", "seek": "sought", "strike": "struck",
                 "find": "found", "lend ": "lent", "fail ": "failed", "sell": "sold", "tell": "told",
                 "win": "won", "set": "set", "put": "put", "owe": "owed", "free": "freed"}
    past = irregular.get(v, past)
    if v == "free":
        ing = "freeing"
    third = _inflect_noun(v) if not v.endswith("y") or v[-2:-1] in "aeiou" else v[:-1] + "ies"
    return past, ing, third


class Zipf:
    """Zipf-weighted choice over a list (weight 1/(rank + offset)^s; the offset flattens the head)."""

    def __init__(self, items, s: float = 1.0, offset: int = 1):
        self.items = list(items)
        cum, total = [], 0.0
        for r in range(len(self.items)):
            total += 1.0 / (r + offset) ** s
            cum.append(total)
        self.cum = cum
        self.total = total

    def draw(self, rnd) -> str:
        return self.items[bisect.bisect(self.cum, rnd() * self.total)]


def _dedupe(seq):
    seen = set()
    out = []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


NOUNS = _dedupe(NOUNS)
VERBS = _dedupe(VERBS)
ADJECTIVES = _dedupe(ADJECTIVES)
_VFORMS = {v: _inflect_verb(v) for v in VERBS}


def vocabulary_size() -> int:
    words = set(NOUNS) | {_inflect_noun(n) for n in NOUNS} | set(ADJECTIVES) | set(ADVERBS)
    for v, forms in _VFORMS.items():
        words.add(v)
        words.update(forms)
    return len(words)


class Pools:
    """What every article draws from; built once per process (cheap: ~0.5 s)."""

    def __init__(self, seed: int):
        rng = random.Random(f"pools-{seed}")
        self.surnames = _dedupe(
            (a + b + c).capitalize() for a in SYL1 for b in SYL2 for c in SYL3
        )
        rng.shuffle(self.surnames)
        self.surnames = self.surnames[:40000]
        self.surname_z = Zipf(self.surnames, s=0.7)
        nouns, verbs, adjs = Zipf(NOUNS, 1.0, 6), Zipf(VERBS, 1.0, 4), Zipf(ADJECTIVES, 1.0, 4)
        advs = Zipf(ADVERBS, 1.0, 3)
        rnd = rng.random
        cities = [c[2] for c in COUNTRIES] + NEUTRAL

        def fill(slot: str, rng: random.Random = rng) -> str:
            rnd = rng.random
            if slot == "N" or slot == "N2":
                return nouns.draw(rnd)
            if slot == "NS":
                return _inflect_noun(nouns.draw(rnd))
            if slot == "V":
                return verbs.draw(rnd)
            if slot == "VD":
                return _VFORMS[verbs.draw(rnd)][0]
            if slot == "VG":
                return _VFORMS[verbs.draw(rnd)][1]
            if slot == "VS":
                return _VFORMS[verbs.draw(rnd)][2]
            if slot in ("A", "A2"):
                return adjs.draw(rnd)
            if slot == "R":
                return advs.draw(rnd)
            if slot == "D":
                return rng.choice(DETS)
            if slot == "P":
                return rng.choice(PREPS)
            if slot == "T":
                return rng.choice(TIMES)
            if slot == "NUM":
                r = rnd()
                if r < 0.5:
                    return str(rng.randint(2, 99))
                if r < 0.8:
                    return f"{rng.randint(100, 999)}"
                return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"
            if slot == "NAME":
                return f"{rng.choice(FIRST)} {self.surname_z.draw(rnd)}"
            if slot == "CITY":
                return rng.choice(cities)
            raise KeyError(slot)

        self.fill = fill
        # filler sentences: a pool drawn once, each article picks from it
        compiled = [_compile(t) for t in FILLER]
        self.filler = []
        for _ in range(60000):
            parts = rng.choice(compiled)
            s = "".join(p if not is_slot else fill(p) for is_slot, p in parts)
            self.filler.append(s[0].upper() + s[1:])
        gov = [_compile(t) for t in GOV_LINES]
        self.gov = []
        for _ in range(3000):
            parts = rng.choice(gov)
            self.gov.append("".join(p if not is_slot else fill(p) for is_slot, p in parts))
        gt = [_compile(t) for t in GENERAL_TITLES]
        self.general_titles = []
        for _ in range(5000):
            parts = rng.choice(gt)
            s = "".join(p if not is_slot else fill(p) for is_slot, p in parts)
            self.general_titles.append(s[0].upper() + s[1:])
        # pair weights: hot pairs Zipf-like, then every other pair a little
        self.hot = Zipf(HOT_PAIRS, s=1.1)
        self.codes = [c[0] for c in COUNTRIES]


def _compile(template: str) -> list[tuple[bool, str]]:
    out = []
    for i, chunk in enumerate(template.replace("}", "{").split("{")):
        if chunk:
            out.append((i % 2 == 1, chunk))
    return out


def _date_phrase(rng, pub: _dt.date, future: bool) -> tuple[str, _dt.date]:
    """A date expression relative to the publication date, and the date it means."""
    r = rng.random()
    delta = rng.randint(1, 40) if future else -rng.randint(0, 25)
    d = pub + _dt.timedelta(days=delta)
    if r < 0.30:
        s = f"on {MONTHS[d.month - 1]} {d.day}"
    elif r < 0.45:
        s = f"on {d.day} {MONTHS[d.month - 1]} {d.year}"
    elif r < 0.55:
        s = f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
    elif r < 0.70 and abs(delta) < 7:
        s = f"on {WEEKDAYS[d.weekday()]}"
    elif r < 0.78:
        s = "next week" if future else "last week"
        d = pub + _dt.timedelta(days=7 if future else -7)
    elif r < 0.84:
        s = "next month" if future else "last month"
        d = pub + _dt.timedelta(days=30 if future else -30)
    elif r < 0.90:
        s = "later this month" if future else "earlier this month"
    elif r < 0.95:
        s = "tomorrow" if future else "yesterday"
        d = pub + _dt.timedelta(days=1 if future else -1)
    else:
        s = f"in {MONTHS[d.month - 1]}"
    return s, d


def _published_text(rng, d: _dt.date) -> str:
    r = rng.random()
    if r < 0.7:
        return d.isoformat()
    if r < 0.9:
        return f"{d.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


START = _dt.date(2016, 1, 1).toordinal()
END = _dt.date(2025, 12, 31).toordinal()


def article(pools: Pools, rng: random.Random, i: int, n: int) -> tuple[str, str]:
    """(relative path, file text) of article i of n."""
    # publication dates follow the file order (as folders of a news archive do), with jitter
    base = START + (END - START) * i // max(1, n)
    pub = _dt.date.fromordinal(min(END, max(START, base + rng.randint(-20, 20))))
    source = rng.choice(SOURCES)
    target = rng.randint(MIN_BYTES, MAX_BYTES) - 120  # room for the header
    rnd = rng.random
    paras: list[str] = []

    if rnd() < 0.85:  # an article about a pair of countries
        if rnd() < 0.65:
            x, y = pools.hot.draw(rnd)
        else:
            x, y = rng.sample(pools.codes, 2)
        if rnd() < 0.5:
            x, y = y, x
        A, B = BY_CODE[x], BY_CODE[y]
        m = rng.choice([c for c in MEDIATORS if c not in (x, y)] or ["CHE"])
        M = BY_CODE[m]
        venues = [A[2], B[2], M[2]] + VENUES.get(m, []) + [rng.choice(NEUTRAL)]
        future = rnd() < 0.45
        when, _ = _date_phrase(rng, pub, future)
        slots = {
            "A": A[1], "B": B[1], "a": A[3], "b": B[3], "capA": A[2], "capB": B[2], "M": M[1],
            "city": rng.choice(venues), "when": when, "who": rng.choice(ATTRIB), "role": rng.choice(ROLES),
            "person": f"{rng.choice(FIRST)} {pools.surname_z.draw(rnd)}", "num": str(rng.randint(2, 40)),
        }
        title = rng.choice(TITLES_FUTURE if future else TITLES_PAST).format(**slots)
        title = title[0].upper() + title[1:]
        lead = rng.choice(EV_FUTURE if future else EV_PAST).format(**slots)
        paras.append(lead[0].upper() + lead[1:])
        # follow-up event sentences, same pair, other dates
        follow = []
        for _ in range(rng.randint(1, 3)):
            fut = rnd() < 0.4
            slots["when"], _ = _date_phrase(rng, pub, fut)
            slots["who"] = rng.choice(ATTRIB)
            slots["city"] = rng.choice(venues)
            slots["role"] = rng.choice(ROLES)
            s = rng.choice(EV_FUTURE if fut else EV_PAST).format(**slots)
            follow.append(s[0].upper() + s[1:])
        paras.append(" ".join(follow))
        slots["person"] = f"{rng.choice(FIRST)} {pools.surname_z.draw(rnd)}"
        q = rng.choice(QUOTES).format(**slots)
        paras.append(q)
    else:  # general news
        title = rng.choice(pools.general_titles)
        person = f"{rng.choice(FIRST)} {pools.surname_z.draw(rnd)}"
        paras.append(f"{rng.choice(pools.filler)} {person} said the {pools.fill('N', rng)} would "
                     f"{pools.fill('V', rng)} the {pools.fill('NS', rng)}.")

    if rnd() < 0.85:
        paras.append(rng.choice(pools.gov))
    if rnd() < 0.01:  # each rare word in ~0.17% of articles
        w = rng.choice(RARE_WORDS)
        paras.append(f"The word {w} came up again in the {pools.fill('N', rng)}, {pools.fill('NAME', rng)} said.")
    size = sum(len(p) + 2 for p in paras) + len(title)
    filler = pools.filler
    nf = len(filler)
    while size < target:
        k = rng.randint(2, 5)
        para = " ".join(filler[int(rnd() * nf)] for _ in range(k))
        if rnd() < 0.25:
            para += f" {pools.fill('NAME', rng)} said the {pools.fill('N', rng)} had {pools.fill('VD', rng)} {pools.fill('T', rng)}."
        if size + len(para) > target + 200:
            para = para[: max(0, target - size)].rsplit(". ", 1)[0] + "."
            if len(para) < 20:
                break
        paras.append(para)
        size += len(para) + 2
    folder = f"batch-{i // PER_FOLDER:03d}"
    rel = f"{folder}/a{i:06d}.txt"
    text = (f"Title: {title}\nPublished: {_published_text(rng, pub)}\nSource: {source}\n\n"
            + "\n\n".join(paras) + "\n")
    return rel, text


# --------------------------------------------------------------------- writing

_POOLS: Pools | None = None


def _write_folder(job: tuple[str, int, int, int, int]) -> tuple[int, int]:
    out, seed, n, start, stop = job
    pools = _POOLS or Pools(seed)
    folder_bytes = 0
    made = set()
    for i in range(start, stop):
        rng = random.Random(seed * 1_000_003 + i)
        rel, text = article(pools, rng, i, n)
        d = os.path.dirname(rel)
        if d not in made:
            os.makedirs(os.path.join(out, d), exist_ok=True)
            made.add(d)
        data = text.encode("utf-8")
        fd = os.open(os.path.join(out, rel), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)  # < 4 KB: one write
        finally:
            os.close(fd)
        folder_bytes += len(data)
    return stop - start, folder_bytes


def generate(out: str | os.PathLike, n: int, seed: int = 7, workers: int | None = None,
             quiet: bool = False) -> dict:
    """Write the corpus into `out` (which must be empty or absent). Returns its manifest."""
    global _POOLS
    out = str(out)
    os.makedirs(out, exist_ok=True)
    t0 = time.perf_counter()
    _POOLS = Pools(seed)  # built before the fork: workers share it
    import gc

    gc.collect()
    gc.freeze()    # the pools become permanent: no collector passes over them (nor copy-on-write)
    jobs = [(out, seed, n, s, min(n, s + PER_FOLDER)) for s in range(0, n, PER_FOLDER)]
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    total_bytes = 0
    if workers > 1 and len(jobs) > 1:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers) as pool:
            for _, b in pool.imap_unordered(_write_folder, jobs):
                total_bytes += b
    else:
        for job in jobs:
            total_bytes += _write_folder(job)[1]
    elapsed = time.perf_counter() - t0
    manifest = {"version": VERSION, "articles": n, "seed": seed, "bytes": total_bytes,
                "folders": len(jobs), "seconds": round(elapsed, 2),
                "articles_per_s": round(n / elapsed) if elapsed else None,
                "vocabulary_words": vocabulary_size()}
    with open(os.path.join(out, ".manifest.json"), "w") as fh:  # hidden: talkwatch skips it
        json.dump(manifest, fh, indent=1)
    if not quiet:
        print(f"generated {n} articles ({total_bytes / 1e6:.1f} MB) in {elapsed:.1f} s "
              f"({n / elapsed:,.0f} articles/s)", file=sys.stderr)
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=None)
    a = ap.parse_args(argv)
    generate(a.out, a.articles, a.seed, a.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
