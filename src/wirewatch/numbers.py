"""Numbers of dead: figures and number words tied to the dead, not to the wounded or arrested.

ACLED keeps the most conservative credible figure: "at least 10" is 10, "more than 20" is 20,
"some 200" is 200, "dozens" is 12 and "hundreds" 100 by convention, and deaths reported but not
counted ("many killed", "unknown fatalities") are coded 10 and flagged as estimated; "several"
is a few (3), as ACLED's own notes code it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague quantities, coded by ACLED convention; the second value says the figure is estimated.
_VAGUE = {
    "a dozen": (12, False),
    "dozen": (12, False),
    "dozens": (12, True),
    "scores": (20, True),
    "hundreds": (100, True),
    "thousands": (1000, True),
    # "several killed": the dev notes code it as a few (3, or fewer when counted), never 10
    "several": (3, True),
    "many": (10, True),
    "an unknown number of": (10, True),
    "unknown number of": (10, True),
    "numerous": (10, True),
    "some": (10, True),
    "a number of": (10, True),
    "a few": (3, True),
    "few": (3, True),
    "couple": (2, False),
    "a couple of": (2, False),
    "both": (2, False),
    "a pair of": (2, False),
}

# Words that continue a spelled-out number ("twenty-three", "two hundred and five"); "a", "an",
# "no" and "single" only ever start one.
_CONTINUING = [
    w for w in list(_UNITS) + list(_TENS) + list(_SCALES) if w not in {"a", "an", "no", "single"}
]
_NUMWORD = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|"
    + "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
    + r")(?:[\s-](?:"
    + "|".join(sorted(_CONTINUING, key=len, reverse=True))
    + r"|and(?=[\s-](?:"
    + "|".join(sorted(_CONTINUING, key=len, reverse=True))
    + r"))))*"
)
# A count of days, hours or kilometres is not a count of people ("killed several weeks ago",
# "24 hours after one person was killed").
_NOT_PEOPLE = (
    r"(?![\s-]+(?:days?|weeks?|months?|years?|hours?|minutes?|times|km|kilomet\w*|miles?|"
    r"met(?:er|re)s?|percent|per cent|%|am|pm|a\.m|p\.m|jan\w*|feb\w*|mar(?:ch)?|apr\w*|"
    r"(?-i:May)|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b)"
)
_QUANT = (
    r"(?P<qual>at least|more than|over|nearly|almost|around|about|some|approximately|up to|"
    r"as many as|fewer than|less than|an estimated|roughly|between|either|a total of)?\s*(?P<num>"
    + "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
    + r"|"
    + _NUMWORD
    + r")(?:\s*(?:-|to|and)\s*\d+(?!\d))?"  # a range keeps its lower, conservative bound
    + _NOT_PEOPLE
)

NUMBER_RE = re.compile(r"\b" + _QUANT + r"\b", re.I)

# "N <victim noun>" followed within a few words by a death word, or a death word followed by N.
# "killing" and "kills" are left out: after a number they are the killers' verb ("500 drivers
# protest a killing", "unknown group kills two").
_DEATH = (
    # ("kiled", "killled": the notes' own typos)
    r"(?:kil+ed|dead|died|dies|die|dying|deaths?|fatalit(?:y|ies)|lives|slain|"
    r"massacred|executed|beheaded|decapitated|lynched|murdered|shot dead|gunned down|bodies|"
    r"corpses|perished|drowned|succumbed|"
    r"KIA|"
    r"(?:stoned|burnt|burned|charred|hacked|stabbed|beaten|clubbed) to death|"
    r"fatally (?:assaulted|shot|stabbed|wounded|injured|beaten|attacked|hit))"
)
_HARM_OTHER = re.compile(
    r"\b(?:wounded|injured|injuring|wounding|injuries|hurt|arrested|detained|"
    r"displaced|abducted|kidnapped|missing|rescued|evacuated|captured)\b",
    re.I,
)
# Up to six words (or a parenthesis) between a number and its death word, none of them another
# harm, a conjunction or a word that sets the figure apart from the dead ("3 wounded and 2
# killed", "several cities following the death", "an official escaped death").
_NOUN = (
    r"(?:(?:\([^()]{0,60}\)|(?!(?:wounded|injured|hurt|arrested|detained|abducted|kidnapped|"
    r"missing|captured|and|or|following|after|over|amid|since|escape[sd]?|survived?|"
    r"survives|avoided|avoids?|nearly|almost|"
    r"protest\w*|mourn\w*|demand\w*)\b|\d+\b)(?=[^\s]*\w)[\w'’\"“”-]+)\s){0,6}?"
)
_PERSON = (
    r"(?:man|woman|boy|girl|child|soldier|officer|policeman|civilian|member|owner|leader|"
    r"commander|resident|farmer|driver|student|teacher|trader|fighter|militant|suspect|person|"
    r"journalist|chief|official|guard|worker|herder|villager|youth|teenager|elder|cleric|imam|"
    r"father|mother|son|daughter|husband|wife|brother|sister|baby|colonel|captain|general|"
    r"businessman|shopkeeper|executive|secretary|councillor|MP|mayor|thief|robber|gunman|"
    r"attacker|assailant|bystander|passer-by|watchman|reservist|cadre|activist|supporter|"
    r"individual|victim|hawker|pastor|priest|chairman|candidate|politician|lawyer|doctor|"
    r"nurse|informant|collaborator|defector|smuggler|dealer|peddler|pusher|criminal|bandit|"
    r"boss|bodyguard|convict|escort|aide|companion|adolescent|minor|teen|infant|toddler|relative|neighbou?r|guest|customer|"
    r"passenger|pedestrian|conductor|vendor|clerk|labou?rer|miner|porter|ranger|warden|"
    r"headman|herdsman|fisherman|shepherd|tourist|worshipper|pilgrim|motorist|rider|IDP|refugee|migrant|"
    r"governor|deputy|militiaman|tribesman|policewoman|judge|magistrate|sheikh|senator|legislator|"
    r"minister|rebel|insurgent|poacher|raider|pupil|engineer|contractor|constable|inspector|"
    r"corporal|sergeant|lieutenant|director|employee|operator|mugger|spy|hunter|murderer|killer|"
    r"rapist|kidnapper|abductor|burglar|poet|artist|singer|writer|photographer|reporter|"
    r"missionary|nun|monk|catechist|male|female|perpetrator|culprit|offender|rustler|"
    r"sympathi[sz]er|informer|assistant|pastoralist|gangster|trafficker|motorcyclist|cyclist)"
)
# "12 Sep. 4 killed by armed men": a date that ends its sentence, not a month before its day.
_DAY_MONTH_END = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.\s+$")
_MONTH_NEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.I
)
# Verbs whose object is the dead.
_KILL_VERB = (
    r"(?:kil+ed|kil+ing|kills|kill|claimed the lives of|claiming the lives of|lynched|lynching|"
    r"lynch(?:es)?|executed|executing|execute[sd]?|beheaded|beheading|decapitated|decapitating|"
    r"gunned down|gunning down|"
    r"guns? down|shot dead|shooting dead|shoots? dead|shot and killed|shoots? and kills?|"
    r"(?:hacked|hacking|hacks?|stabbed|stabbing|stabs?|beat|beaten|beating|beats?|stoned|"
    r"stoning|burnt|burned|burning|clubbed) to death|massacred|massacring|assassinated|"
    r"assassinating|assassinates?|fatally (?:shot|shooting|shoots?|stabbed|stabbing|wounded|"
    r"wounding|assaulted|assaulting|attacked|attacking|injured|injuring)|"
    r"killed and (?:injured|wounded)|killing and (?:injuring|wounding))"
)
# Words before a killing verb that make it someone's past, charge or intent, not this event's
# toll ("suspected of killing two police officers last month", "threatened to kill").
_NOT_THIS = re.compile(
    r"\b(?:suspected of|accused (?:of|in)|charged with|(?:suspected|accused|alleged) to have|"
    r"(?:suspected|accused) of having|convicted of|responsible for|wanted for|"
    r"arrested for|jailed for|sentenced for|(?:tried|attempted|attempting|threatened|"
    r"threatening|vowed|vowing|plann?(?:ed|ing)|plotting|plot|conspiring|failed|seeking|sought|"
    r"wanting|wanted|intending|intended|aiming|aimed|in order|so as) to|"
    r"attempt to|intent to|bid to|for|(?:tries|try|trying) to|nearly|almost|"
    # "a mob attacked a man who had allegedly killed his father": the victim's past
    r"(?:who|whom) had(?:\s+(?:allegedly|reportedly|earlier|previously))?)\s+$",
    re.I,
)
# "collided with a motorcycle in a road traffic accident, killing two people", "died in a road
# accident": deaths by mishap, no victims of political violence.
_ACCIDENT_BEFORE = re.compile(r"\b(?:accident|collision|collided)\b[^.;]{0,12}$", re.I)
_ACCIDENT_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:in|after|during|following)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:accident|collision|stampede)\b",
    re.I,
)
# "died from coronavirus": no victim of political violence.
_NATURAL = (
    r"(?!\s+(?:\w+\s+){0,2}?(?:from|of|due to)\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?(?:coronavirus|"
    r"covid\w*|illness|disease|natural causes|cancer|a heart attack|cholera|malaria|hunger|"
    r"starvation|old age|(?:medical\s+)?negligence)\b)"
)
_NATURAL_RE = re.compile(_NATURAL.removeprefix("(?!").removesuffix(")"), re.I)
# Up to two words before a headline's victim ("robbery suspect", "Somali shop owner"), none of
# them a count, an article or a preposition that would make the noun someone else.
_BARE_MODIFIERS = (
    r"(?:(?!(?:and|or|of|to|in|at|on|by|with|for|from|the|a|an|"
    + "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
    + r"|several|many|some|dozens?|scores|hundreds)\b)[a-z][\w'’-]*\s+){0,2}"
)
# "zero, one or two persons": figures told as alternatives, the first of them the lowest.
_OR_BEFORE = re.compile(
    r"\b(?P<low>zero|none|one|two|three|four|five|\d+)(?:,\s*(?:one|two|three|four|five|\d+))*,?"
    r"\s+or\s+$",
    re.I,
)
# "Some reports state that three militants were killed": a count of sources, not of the dead;
# the count of the dead comes after it.
_NOT_SOURCES = (
    r"(?!(?:some|other|several|many|a few|few|numerous|two|three)\s+(?:local\s+|media\s+)?"
    r"(?:reports?|sources?|accounts?|outlets?)\b)"
)
_NUMBER_WORDS = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_PATTERNS: dict[str, re.Pattern[str]] = {
    # "killed 400 insurgents", "killing at least five people", "killed a family of three",
    # "the death toll from the blast rose to six"
    "verb": re.compile(
        r"\b(?:" + _KILL_VERB + r"(?:\s+and\s+(?:burned|burnt|mutilated|dumped|buried|robbed))?"
        r"(?:\s+an?\s+(?:family|group) of|\s+the(?=\s+\d|\s+[a-z]+[\s.,;])|"
        # "killing his two children"
        r"\s+(?:his|her|their)(?=\s+(?:\d+|" + _NUMBER_WORDS + r")\s))?|"
        r"death (?:toll|total|count)\s+(?:[\w'’-]+\s+){0,4}?(?:rose|climbed|reached|stood|"
        r"stands|jumped|increased|rises|is|was|has risen|had risen|raised|revised)?"
        r"(?:\s+from\s+\S+)?\s*(?:to|of|at)?)\s+" + _QUANT + r"\b",
        re.I,
    ),
    # "left 3 dead": "left" and "leaving" count the dead only with a death word after.
    "left": re.compile(
        r"\b(?:left|leaving|leaves)\s+" + _QUANT + r"\s+" + _NOUN + r"(?:dead|killed)\b", re.I
    ),
    # "tortured a villager to death", "beat two men to death"
    "to_death": re.compile(
        r"\b(?:tortured|torturing|beat|beaten|beating|stabbed|stabbing|hacked|hacking|burnt|"
        r"burned|burning|stoned|stoning|clubbed|shot|shooting)\s+" + _QUANT + r"\s+"
        r"(?:[\w'’-]+\s+){0,4}?to death\b",
        re.I,
    ),
    # "deaths estimated to be over 10 people", "fatalities estimated at 12"
    "estimate": re.compile(
        r"\b(?:fatalit(?:y|ies)|deaths?|dead)\s+(?:(?:are|were|is|was|being)\s+)?estimated\s+"
        r"(?:to be\s+|at\s+)" + _QUANT + r"\b",
        re.I,
    ),
    # "Reports on fatalities range from 2 to 4": the lower bound
    "range": re.compile(
        r"\b(?:fatalit(?:y|ies)|deaths?|death toll)\s+(?:[\w'’-]+\s+){0,2}?(?:range[sd]?|ranging|"
        r"var(?:y|ies|ied|ying))\s+(?:from\s+|between\s+)" + _QUANT + r"\b",
        re.I,
    ),
    # "shot a former militant dead", "shot two men dead"
    "shot_dead": re.compile(
        r"\b(?:shot|shooting|shoots?)\s+" + _QUANT + r"\s+(?:[\w'’-]+\s+){0,3}?dead\b", re.I
    ),
    # "burned him to death", "beat her to death": one person
    "pronoun_to_death": re.compile(
        r"\b(?:tortured|torturing|beat|beaten|beating|stabbed|stabbing|hacked|hacking|burnt|"
        r"burned|burning|stoned|stoning|clubbed|shot|shooting)\s+(?P<num>him|her)\s+to death\b",
        re.I,
    ),
    # "shot dead Mwenda Itaeba, a politician": a person named after the killing verb
    "verb_name": re.compile(
        r"\b(?:" + _KILL_VERB + r")\s+(?P<num>(?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+)){1,3})"
        r"(?=\s*[,.(]|\s*$|\s+(?:in|on|at|near|after|while|who|when|during|and)\b)",
        re.I,
    ),
    # "burnt 28-year-old Antony Kariuki to death": a person named between the verb and "to death"
    "to_death_name": re.compile(
        r"\b(?:tortured|torturing|beat|beaten|beating|stabbed|stabbing|hacked|hacking|burnt|"
        r"burned|burning|stoned|stoning|clubbed|clubbing)\s+(?:an?\s+)?(?:\d+-year-old\s+)?"
        r"(?P<num>(?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+)){1,3})\s+to death\b",
        re.I,
    ),
    # "leaving the driver dead": one person
    "left_person": re.compile(
        r"\b(?:left|leaving|leaves)\s+(?P<num>the|a|an)\s+(?:[\w'’-]+\s+){0,2}?"
        + _PERSON
        + r"\s+dead\b",
        re.I,
    ),
    # "the death of a local man", "the deaths of three children", "the killing of ten fishermen"
    "death_of": re.compile(
        r"\b(?:deaths? of|killings? of|murders? of|assassination of|bodies of|corpses of)\s+"
        r"(?:the\s+(?=\d|[a-z]+\s))?" + _QUANT + r"\b",
        re.I,
    ),
    # "investigating the killing of former NTV reporter Wambui Kabiru": a person named after
    # the death, behind at most a few words of title
    "death_of_name": re.compile(
        r"\b(?:killing|murder|assassination|lynching|beheading)\s+of\s+(?:(?:the\s+)?(?:late|"
        r"former|slain|(?!(?:and|or|of|with|"
        + _NUMBER_WORDS
        + r")\b)[a-z]+|(?-i:[A-Z]{2,}))\s+){0,3}?"
        r"(?P<num>(?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+)){1,3})"
        r"(?=\s*[,.(;]|\s*$|\s+(?:in|on|at|near|after|while|who|whose|when|during|and|by)\b)",
        re.I,
    ),
    # "killed the owner of the house", "resulted in the death of the commander": one person
    "verb_person": re.compile(
        r"\b(?:" + _KILL_VERB + r"(?:\s+and\s+\w+|\s+(?:by|with)\s+(?:an?\s+)?\w+)?|deaths? of|"
        r"killing of|murder of|assassination of)\s+(?P<num>the|a|an|his|her|another)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:" + _PERSON + r"|parents|couple)\b",
        re.I,
    ),
    # "killing him", "shot her dead": one person
    "verb_pronoun": re.compile(
        r"\b(?:killed|killing|kills?|murdered|shot dead|shooting dead|lynched|executed|leaving)\s+"
        r"(?P<num>him|her)\b(?!\s+(?:injured|wounded|hurt))|"
        # "before shooting him dead"
        r"\b(?:shot|shooting|shoots?)\s+(?P<num2>him|her)\s+dead\b",
        re.I,
    ),
    # "shot and killed a man in his home and decapitated another": one more person
    "verb_another": re.compile(
        r"\b(?:" + _KILL_VERB + r")\s+(?P<num>another)\b"
        r"(?!\s+(?:\d|(?:" + _NUMBER_WORDS + r"|several|dozens?)\b|(?:injured|wounded|hurt)\b))",
        re.I,
    ),
    # "he died as a result of the torture", "she later succumbed to her wounds": one person
    "pronoun_died": re.compile(
        r"\b(?P<num>he|she)\s+(?:later\s+|subsequently\s+|then\s+|also\s+|eventually\s+)?"
        r"(?:died|dies|succumbed|was (?:killed|shot dead|found dead|murdered|executed))\b",
        re.I,
    ),
    # "resulting in his death", "one man was injured and the other died": one person
    "his_death": re.compile(
        r"\b(?:result(?:ing|ed)? in|led to|leading to|caus(?:ing|ed)|caused)\s+"
        r"(?P<num>his|her)\s+death\b|\b(?P<num2>the other|the second|another)\s+(?:one\s+)?"
        r"(?:later\s+|subsequently\s+)?(?:died|was killed|was shot dead|succumbed)\b",
        re.I,
    ),
    # "a man and an adolescent were killed": two people
    "pair": re.compile(
        r"\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){0,2}?"
        + _PERSON
        + r"\s+and\s+(?:a|an|one|his|her|the)\s+(?:[\w'’-]+\s+){0,2}?"
        + _PERSON
        + r"(?:\s+(?:were|are|have been|had been)\s+(?:\w+\s+){0,2}?(?P<num>killed|shot dead|"
        r"murdered|executed|lynched|found dead|(?:hacked|stabbed|burnt|burned|beaten) to death)|"
        r"\s+(?:both\s+)?(?P<num2>died))\b",
        re.I,
    ),
    # "Matatu driver and conductor killed on bus": a headline's two people, with no article
    "bare_pair": re.compile(
        r"(?:^|(?<=[.;:]\s))(?:[\w'’-]+\s+){0,2}?"
        + _PERSON
        + r"\s+and\s+(?:[\w'’-]+\s+)?"
        + _PERSON
        + r"\s+(?:were\s+)?(?P<num>killed|shot dead|murdered|executed|lynched|found dead|"
        r"(?:hacked|stabbed|burnt|burned|beaten) to death)\b",
        re.I,
    ),
    # "the clerk died in the fire": one person, whatever the noun, but not "the fighting died down"
    "noun_died": re.compile(
        r"\b(?P<num>the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?!(?:fire|attack|violence|protest|clash|"
        r"fighting|conflict|noise|wind|storm|movement|unrest|riot|case|story|idea|plan|talks?|"
        r"hope|engine|tree|plant|animal|cow|goat|dog|horse|camel)\b)[a-z][\w-]+\s+"
        r"(?:later\s+|subsequently\s+|then\s+)?died\b(?!\s+(?:down|out|away|off)\b)" + _NATURAL,
        re.I,
    ),
    # "the man died", "one of the injured men died days later": one person
    "person_died": re.compile(
        r"\b(?P<num>the|a|an|one)\s+(?:[\w'’-]+\s+){0,4}?" + _PERSON + r"s?\s+"
        r"(?:\([^()]{0,60}\)\s+)?(?:later\s+|subsequently\s+|then\s+)?(?:died|dies)\b" + _NATURAL,
        re.I,
    ),
    # "the driver is shot and killed", "one person (from an unspecified group) was killed"
    "person_passive": re.compile(
        r"\b(?P<num>the|a|an|one)\s+(?:[\w'’-]+\s+){0,4}?"
        + _PERSON
        + r"\s+(?:\([^()]{0,60}\)\s+)?(?:was|is|has been|had been)\s+(?:\w+\s+){0,3}?"
        r"(?:killed|shot dead|shot and killed|found (?:dead|killed|murdered)|murdered|executed|"
        r"lynched|beheaded|"
        r"(?:shot|stabbed|hit|wounded|injured|beaten) and (?:later\s+)?died|"
        r"assassinated|(?:hacked|stabbed|stoned|burnt|burned|beaten|clubbed) to death)\b",
        re.I,
    ),
    # "the body of a woman was found", "a man's body was found": one person
    "body": re.compile(
        r"\b(?P<num>the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?<!\bhis )(?<!\bher )(?<!\btheir )"
        r"(?:body\s+(?:of\s+[^.;]{1,80}?)?|"
        r"[\w-]+['’]s\s+body\s+(?:[^.;]{1,40}?)?)(?:was|has been|had been|is|were)\s+"
        r"(?:\w+\s+){0,2}?(?:found|discovered|recovered|retrieved|dumped)\b",
        re.I,
    ),
    # "three residents were killed, as was one of the attackers"
    "as_was": re.compile(r"\bas (?:was|were)\s+" + _QUANT + r"\b", re.I),
    # "blew himself up", "before turning the gun on himself": the attacker died too
    "self": re.compile(
        r"\b(?:kill(?:ed|ing|s)?|blew|blowing|blows|blown)\s+(?P<num>himself|herself)\b|"
        r"\bturn(?:ed|ing|s)? (?:the|his|her) (?:gun|weapon) on (?P<num2>himself|herself)\b|"
        r"\b(?P<num4>commit(?:ted|ting|s)) suicide\b|"
        r"\b(?:detonat|explod|trigger)(?:ed|ing|es|e)\s+(?P<num3>his|her)\s+(?:own\s+)?"
        r"(?:explosive\s+|suicide\s+)?(?:belt|vest)\b",
        re.I,
    ),
    # "Five people, including three children, were killed": the total, not the part told
    # inside it.
    "including": re.compile(
        r"\b" + _QUANT + r"\s+(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}?[\w'’-]+,?\s+including\s+"
        r"[^.;]{1,80}?,?\s+(?:(?:were|have been|had been|are)\s+(?:\w+\s+)?(?:killed|shot dead|"
        r"murdered|executed|lynched|massacred|dead|(?:hacked|stabbed|stoned|burnt|burned|beaten) "
        r"to death)|(?:have\s+|had\s+)?died)\b",
        re.I,
    ),
    # "10 civilians were killed", "three soldiers died", "two dead", "5 fatalities"
    "count": re.compile(
        r"\b"
        + _NOT_SOURCES
        + _QUANT
        + r"\s+"
        + _NOUN
        + r"(?:were|was|have been|had been|are|is|got|been|"
        r"reportedly|reported|later|,)?\s*(?:(?!and\b|or\b|\d+\b)\w+\s)?" + _DEATH + r"\b"
        # "assaulted 4 journalists for misreporting the death toll": no dead of theirs
        r"(?!\s+(?:toll|total|count)s?\b)",
        re.I,
    ),
    # Headline style, with no article: "kill civilian distributing exam materials", "Vigilante
    # mob lynches suspected criminal", "Police officer shot dead by unknown gunmen": one person
    # "Mob lynches robbery suspect", "MPs bodyguard shot and killed.", "Police arrest and beat
    # man to death": the noun's words before it may be any but a count or a preposition.
    "bare": re.compile(
        r"\b(?:(?:" + _KILL_VERB + r"|(?:beat|beats|beaten|beating|stabbed|stabbing|hacked|"
        r"hacking|stoned|stoning|burnt|burned|burning|clubbed|tortured|torturing)(?=\s+"
        r"(?:\S+\s+){0,3}?\S+\s+to death\b))\s+" + _BARE_MODIFIERS + r"(?P<num>" + _PERSON + r")|"
        r"(?P<num2>" + _PERSON + r")\s+(?:shot dead|shot and killed|killed|murdered|dies|died|"
        r"found (?:dead|killed|murdered)|lynched|executed|beheaded|assassinated|(?:hacked|stabbed|stoned|burnt|burned|beaten) "
        r"to death)(?=\s+(?:by|in|at|on|during|after|near|while|when|and|outside|inside|"
        r"following|as)\b|\s*[,.;]|\s*$))\b",
        re.I,
    ),
}
# A passive death with a subject too long for the patterns above ("the leader of <a group's
# long name> was shot dead"): "was" tells one dead; "were" takes the number that opens the clause.
_PASSIVE = re.compile(
    r"\b(?P<aux>was|is|has been|had been|were|are|have been)\s+(?:(?:reportedly|allegedly|then|"
    r"later|also|subsequently|all|both)\s+)?(?:(?:kidnapped|abducted|captured|tortured|"
    r"attacked|ambushed|shot|stabbed|beaten|robbed|raped|hit|struck|assaulted|hacked)"
    r"(?:\s+by\s+(?:[\w'’-]+\s+){1,4}?)?"
    # "were shot, hacked and decapitated": the harm told before the death, one or two verbs
    r"\s*(?:,\s*and|,|and)\s+){0,2}(?:shot dead|shot and killed|"
    r"(?:shot|stabbed|hit|wounded|injured|beaten|attacked) and (?:later\s+)?died|"
    r"killed|murdered|gunned down|"
    r"executed|lynched|beheaded|decapitated|assassinated|found dead|(?:stoned|hacked|stabbed|"
    r"burnt|burned|beaten|clubbed|charred|tortured) to death|fatally (?:assaulted|shot|stabbed|beaten|attacked))"
    r"\b(?!,?\s+(?:\w+\s+)?or\s+(?:wounded|injured|captured))",
    re.I,
)
_CLAUSE_COUNT = re.compile(r"(?:^|[,;:]\s+|\.\s+)" + _QUANT + r"\s", re.I)
_ONE = {"the", "him", "her", "he", "she", "his", "himself", "herself", "another"}
_AND_MORE = re.compile(
    r"\s+(?:[A-Za-z-]+\s+){0,3}?(?:and|in addition to|as well as|along with)\s+"
    + _QUANT
    + r"(?=\s+[A-Za-z])",
    re.I,
)
# "killed more than forty oxen and sheep": livestock, not people.
_ANIMALS = re.compile(
    r"\s+(?:(?!and\b|or\b)[\w'’-]+\s+){0,2}?(?:ox|oxen|cattle|cows?|sheep|goats?|camels?|livestock|animals?|"
    r"donkeys?|horses?|dogs?|pigs?|chickens?|heads? of)\b"
    # "a goat thief", "cattle rustlers": people named after the animals they take or keep
    r"(?!\s*(?:thie|rustl|raid|herd|owner|trader|farmer|dealer|keeper|seller|market))",
    re.I,
)
_ACCUSED = re.compile(
    r"\b(?:suspected|accused|charged|convicted|arrested|jailed|wanted|sentenced|tried|"
    r"responsible)\s+(?:of|in|for|over|with)\s+(?:the\s+)?$",
    re.I,
)
_EARLIER = re.compile(r"\b(?:days?|weeks?|months?|hours?)\s+(?:after|before)\b[^.;,]*$", re.I)
# (No digit between: "6 killed -(20 UNCONFIRMED DEATHS": the doubt is another figure's.)
_UNCONFIRMED = re.compile(
    r"[^.;\d]{0,40}?\b(?:unconfirmed|not (?:been )?confirmed|could not be (?:confirmed|verified)|"
    r"unverified)\b",
    re.I,
)
# "killed 15 people were injured": a run-on sentence, the number belongs to the wounded.
_THEN_HARMED = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:were|was|are|have been)\s+(?:\w+\s+)?(?:injured|wounded|hurt|"
    r"arrested|detained|abducted|kidnapped|displaced|rescued)\b",
    re.I,
)
# "3 PKK militants were killed, injured or captured", "killed or wounded": no count of the dead.
_OR_HARM = re.compile(r",?\s+(?:(?:\w+),?\s+)?or\s+(?:wounded|injured|captured|arrested)\b", re.I)
# "Four police and one reservist killed": a group named before the one the death word follows.
_AND_BEFORE = re.compile(
    r"\b"
    + _QUANT
    + r"\s+(?:(?:\([^()]{0,60}\)|(?!(?:and|or|including|among|of whom)\b)[\w'’-]+)\s+){0,6}?"
    r"(?:[\w'’-]+,\s+)?"
    r"(?:and|as well as)\s+$",
    re.I,
)
# "and her three-year old child", "along with his companion": one more of the dead.
# Nouns that name two people at once ("his parents", "the elderly couple").
_TWO_OF = re.compile(
    r"(?:the|his|her|their)\s+(?:[\w'’-]+\s+)?(?:parents|couple)\b|"
    r"an?\s+(?:[\w'’-]+\s+)?couple\b(?!\s+of\b)",
    re.I,
)
_AND_KIN = re.compile(
    r"\s+(?:(?!(?:and|wounded|injured|injuring|wounding|hurt|abducted|abducting|kidnapped|"
    r"arrested)\b)[\w'’-]+\s+){0,3}?(?:and|along with|together with)\s+(?:his|her|their|a|an|"
    r"one)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:" + _PERSON + r"|companion|friend|colleague|relative)\b",
    re.I,
)
_KIN_IN_SUBJECT = re.compile(
    r"\band\s+(?:his|her|their|a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?:"
    + _PERSON
    + r"|companion|friend|colleague|relative)s?\s+$",
    re.I,
)
# A coder's own figure for the event ("Unknown fatalities coded as 10", "Total 3 fatalities
# coded to this event", "split across 2 events (3)") overrides the figures of the text. The
# patterns are tried in this order: the share of this event first.
_CODED = [
    re.compile(
        r"\b(?P<num>\d+)\s+(?:[\w()-]+\s+){0,4}?fatalit(?:y|ies)\s*(?:\([^()]*\)\s*)?"
        r"(?:have been |has been |were |was )?coded to this event",
        re.I,
    ),
    re.compile(r"\bwith\s+(?P<num>\d+)\s+(?:fatalit\w+\s+)?coded to each\b", re.I),
    re.compile(
        r"\b(?:fatalit\w*\s+(?:are\s+|were\s+|have been\s+)?)?(?:split|spread|distributed|"
        r"divided)\s+(?:up\s+)?(?:across|between|among|over)\s+(?:the\s+)?\w+\s+"
        r"(?:events?|locations?|incidents?)\s*\((?P<num>\d+)\)",
        re.I,
    ),
    re.compile(
        r"\bfatalit\w*\s+(?:(?!coded)[\w()-]+\s+){0,4}?coded\s+(?:as|to|at)\s+(?P<num>\d+)\b",
        re.I,
    ),
    re.compile(
        r"\bcoded\s+as\s+(?P<num>\d+)(?:\s+(?:here|in this event|for this event|fatalit\w*))\b",
        re.I,
    ),
    # "FATALITIES: estimate:10/ confirmed: 6": the confirmed count.
    re.compile(r"\bfatalit\w*\s*:[^.]{0,40}?\bconfirmed\s*:?\s*(?P<num>\d+)\b", re.I),
    # "FATALITIES: 15", "FATALITIS: 15", "FATALITIES: Estimate of 3 people", "FATALITIES:
    # reported estimates include 12": the coder's header.
    re.compile(
        r"\bfatalit(?:y|ies|is)\s*[:=]\s*(?:(?:reported\s+)?estimates?(?:\s+only)?\s*"
        r"(?:of|include|:)?\s*)?(?P<num>\d+)\b",
        re.I,
    ),
    # "Exact number not known - est at 10"
    re.compile(
        r"\b(?:number|fatalit\w*|deaths|casualties|toll)\b[^.]{0,30}?\best(?:imated)?\.?\s+at\s+"
        r"(?P<num>\d+)\b",
        re.I,
    ),
    # "fatalities reported as half, rounded down to 3": the coder's halving of an unclear toll.
    re.compile(r"\bfatalit\w*\b[^.]{0,60}?\brounded\s+(?:down\s+|up\s+)?to\s+(?P<num>\d+)\b", re.I),
    # "... 2 fatalities. [size=no report]", "Total 16 fatalities.", "Total fatalities 2.": a
    # sentence that only counts the dead is the coder's total for the note's event.
    re.compile(
        r"(?:^|(?<=[.;:]\s)|(?<=\]\s)|(?<=\]))(?:total\s+)?(?P<num>\d+)\s+(?:total\s+)?fatalit(?:y|ies)"
        r"(?:\s+in total|\s+total)?\s*(?=[.;\[]|$)",
        re.I,
    ),
    re.compile(
        r"(?:^|(?<=[.;:]\s))total\s+(?:of\s+)?fatalit(?:y|ies)\s*(?::|is|are|was|were|of)?\s*"
        r"(?P<num>\d+)\s*(?=[.;\[]|$)",
        re.I,
    ),
]
# "Fatalities split between 3 events", "coded as 10 and spread across two locations": the
# note's figure is shared out between ACLED events that each have a row of their own.
_SPLIT = re.compile(
    r"\b(?:fatalit\w*|deaths|killed|dead|died|coded as \d+)[^.]{0,60}?"
    r"\b(?:split|spread|distributed|divided|coded)\s+(?:up\s+|out\s+)?(?:equally\s+|evenly\s+)?"
    r"(?:across|between|among|over)\s+"
    r"(?:the\s+)?(?P<parts>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:separate\s+|different\s+)?(?:events?|locations?|incidents?|days)\b"
    r"(?:\s+(?:in|over|across|and)\s+(?P<days>\d+|two|three|four|five|six|seven)\s+days\b)?",
    re.I,
)
_ALTERNATIVE = re.compile(
    r"\b(?:other|another|some|different|a second|one)\s+(?:local\s+|media\s+)?(?:sources?|"
    r"reports?|accounts?|outlets?)\b|\baccording to (?:other|another|some)\b|"
    r"\bconflicting (?:reports?|accounts?|figures)\b|"
    # "The villagers contest that figure, saying 13 civilians were killed"
    r"\b(?:contest\w*|disput\w*)\s+(?:that|the|this|these)\s+(?:figures?|tolls?|numbers?|"
    r"counts?|claims?)\b|"
    r"\b(?:dismiss\w*|den(?:y|ied|ies)|refut\w*|reject\w*)\s+(?:the\s+)?(?:reports?|claims?)\b|"
    # "At least three were killed ... The Star reports 4 dead": a newspaper's own count.
    r"(?-i:\b(?:[A-Z][a-z]+\s+){0,2}(?:Star|Standard|Nation|Times|Post|Herald|Tribune|Guardian|"
    r"Monitor|Observer|Telegraph|Gazette|Reuters|AFP|BBC|Xinhua))\s+(?:also\s+)?(?:reports?|"
    r"reported|claims?|claimed|says|said|puts|put)\b",
    re.I,
)
_INITIAL = re.compile(
    r"\b(?:initial(?:ly)?|first|early|earlier|preliminary)\s+(?:reports?|figures?|accounts?)"
    r"(?:\s+(?:of|said|put|indicated|suggested|mentioned))?(?:\s+that)?\s*$",
    re.I,
)
_LATER = re.compile(
    r"\b(?:later|subsequent|updated|revised|final|new)\s+(?:reports?|figures?|accounts?)"
    r"(?:\s+(?:of|said|put|indicated|suggested|mentioned))?(?:\s+that)?\s*$",
    re.I,
)
_ADDITIONAL = re.compile(
    r"\b(?:another|additional|also|further|as (?:was|were|did))\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+others?\b(?=\s+\w+\s+(?:were|have))|"
    # "4 more bodies were found": dead beyond those told.
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+more\b(?!\s+than\b)",
    re.I,
)
_CAUSE = re.compile(
    r"\b(?:following|after|over|since|protesting|condemning|against|(?:reprisals?|retaliation|"
    r"revenge|response)\s+(?:to|for|of|against))\s+the\s+$",
    re.I,
)
_ESCAPED = re.compile(
    r"\b(?:escape[sd]?|escaping|survived?|survives|surviving|avoid(?:ed|s)?|nearly|almost|"
    r"narrowly)\s+(?:\w+\s+)?(?:death|being|killed|lynched|dead|executed)?",
    re.I,
)
# "(coded separately)" right after a death: that death is an ACLED event of its own, told here
# as the cause or the background of this one.
_CODED_APART = re.compile(
    r"[^.;]{0,60}?\((?:coded|recorded) (?:sep[ae]rately|as an? (?:sep[ae]rate|different) "
    r"event)\)",
    re.I,
)
# "2 other displaced people": a harm word that describes the people counted, not their harm.
_PEOPLE_AFTER = re.compile(
    r"\s+(?:people|persons|civilians|men|women|children|residents|villagers|soldiers|"
    r"policemen|officers|fighters|IDPs|refugees|migrants)\b",
    re.I,
)
# "3 local policemen, 2 pro-government militia members, and 1 soldier were killed": the
# groups listed before the one the death word follows.
# The words before "and" tell what happened, not a first group of the dead.
_EVENT_GROUP = re.compile(
    r"(?:an?\s+(?:[\w'’-]+\s+)?(?:shoot-?outs?|clash(?:es)?|fight(?:ing)?|gun-?fights?|"
    r"fire-?fights?|exchanges?|attacks?|confrontations?|battles?|skirmish(?:es)?|explosions?|"
    r"blasts?|raids?|ambush(?:es)?|operations?|riots?|brawls?)\b|"
    r".*\b(?:broke out|erupted|ensued|occurred|took place|happened)\b)",
    re.I,
)
_LIST_BEFORE = re.compile(
    r"\b" + _QUANT + r"(?:\s+(?:\([^()]{0,60}\)|(?!(?:and|or)\b)[\w'’-]+)){1,4}?,\s+$",
    re.I,
)
# "Two policemen died as well as two assailants": more dead after the death word.
_AS_WELL_AS = re.compile(
    r"\s*,?\s+(?:as well as|along with|together with)\s+" + _QUANT + r"\b", re.I
)
# "46 persons were killed - 31 died on the day while 15 ...", "10 were killed, including 3
# children": the figures after are parts of the first, not more dead.
_BREAKDOWN = re.compile(
    r"^[^.;]*?(?:\s[-–—:]\s|\bincluding\b|\bamong (?:them|whom)\b|\bof (?:them|whom)\b|\()",
    re.I,
)
_NO_DEATH = re.compile(
    r"\bno (?:one|deaths|fatalities|casualties)\b|\bwithout casualties\b|"
    r"\bno(?:body| one) was (?:killed|hurt|injured)\b|\bno injuries\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Fatalities:
    number: int
    estimated: bool
    start: int
    end: int
    text: str
    # Told as another source's figure ("Other sources report that 2 soldiers were killed"): by
    # ACLED's rule it never raises a more conservative figure already given.
    alternative: bool = False
    # Told as more dead than those already counted ("another six were killed", "Six additional
    # deaths reported", "as was one of the attackers"): it adds to the event's toll.
    additional: bool = False


def parse_number(text: str) -> tuple[int, bool] | None:
    """A number or number phrase to (value, estimated); None when it is not a count."""
    t = text.lower().strip().replace(",", "")
    t = re.sub(r"\s*(?:-|to|and)\s*\d+$", "", t)  # a range: its lower bound
    t = re.sub(
        r"^(?:at least|more than|over|nearly|almost|around|about|some|approximately|up to|"
        r"as many as|fewer than|less than|an estimated|roughly|between|either|a total of)\s+",
        "",
        t,
    )
    if t in _VAGUE:
        return _VAGUE[t]
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return int(float(t)), False
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word.isdigit():
            current += int(word)
        else:
            return None
        seen = True
    return (total + current, False) if seen else None


def _coded(text: str, offset: int) -> Fatalities | None:
    for pattern in _CODED:
        m = pattern.search(text)
        if m:
            return Fatalities(
                int(m.group("num")), True, offset + m.start(), offset + m.end(), m.group(0)
            )
    return None


def estimated_word(word: str) -> bool:
    """Is the number word one of the vague quantities coded by convention ("several")?"""
    return _VAGUE.get(word.lower(), (0, False))[1]


def _keep(kind: str, m: re.Match[str], num: str, text: str) -> bool:
    """Whether a match counts the dead, judged by its number word and what surrounds it."""
    num_word = num.lower()
    lead = m.group(0).lower()
    before = text[max(0, m.start() - 40) : m.start()]
    if _NATURAL_RE.match(text, m.end()):
        return False  # "died from coronavirus"
    if _ACCIDENT_BEFORE.search(before) or _ACCIDENT_AFTER.match(text, m.end()):
        return False  # "in a road traffic accident, killing two people"
    if _ESCAPED.search(text[m.start("num") : m.end()]):
        return False  # "four officers escaped death", "a man was nearly lynched"
    if _ANIMALS.match(text, m.end("num")):
        return False
    if kind == "including" and (
        _HARM_OTHER.search(lead.split("including")[0])
        or re.search(r"\b(?:was|were|are|is|have|has)\b", lead.split("including")[0])
    ):
        return False  # "10 people were injured, including two who were killed"
    if kind == "count" and _OR_HARM.match(text, m.end()):
        return False
    if kind == "count":
        # The number must belong to the dead: a harm word between the number and the death
        # word ("3 wounded and 2 killed") means this number is not the dead.
        if _HARM_OTHER.search(text[m.start("num") : m.end()]):
            return False
        if re.search(r"\b(?:unconfirmed|unverified)\b", text[m.start("num") : m.end()], re.I):
            return False  # "20 UNCONFIRMED DEATHS": no credible figure
        parsed = parse_number(num)
        if (
            parsed is not None
            and parsed[0] > 1
            and re.search(r"\b(?:was|is|has been)\s+(?:\w+\s+)?\S+(?:\s+to death)?$", lead)
            and not re.search(r"\b(?:were|are|have|had)\b", lead)
        ):
            return False  # "a raid that killed six at a school was stoned to death": one man
        if (
            num_word in {"a", "an", "both"}
            and not re.search(r"\b(?:was|is|has been|had been|died|dies|found dead)\b", lead)
            and not (
                re.search(r"\bwere\b", lead) and re.search(r"\band\s+$", text[: m.start("num")])
            )
            # "Two gunmen and a police officer killed in shoot out": a headline's second group
            # of the dead, after a counted first
            and not (
                num_word != "both"
                and not re.search(r"\b(?:are|were|have|had)\b", lead)
                and _AND_BEFORE.search(text[: m.start("num")])
            )
        ):
            return False  # "a vigilante group lynched two thieves": "a" counts the killers
        after = text[m.end() :]
        if (
            re.search(
                r"(?:killed|lynched|executed|massacred|beheaded|murdered|shot dead|"
                r"(?:hacked|stabbed|beaten|beat|stoned|clubbed|burned|burnt|tortured) to death)$",
                lead,
            )
            and not re.search(r"\b(?:was|were|is|are|been|being)\b", lead)
            and (
                re.match(r"\s+(?:the|his|her|their|its|him|them)\b", after)
                # "two attackers hacked to death a chief": an object follows, so the number
                # counts the killers; "a day later" is no object
                or re.match(
                    r"\s+an?\s+(?!(?:day|week|month|year|few|short|while|little|number|couple)\b)"
                    r"[\w'’-]+",
                    after,
                )
                or (
                    (num_after := NUMBER_RE.match(after.lstrip()))
                    # "1 killed 3 injured": the next number counts the wounded, not the dead
                    and not _HARM_OTHER.match(after.lstrip(), num_after.end() + 1)
                )
                or re.match(
                    r"\s+and\s+(?:(?:killed|murdered|lynched|beat|stabbed|shot)\b|(?:burned|"
                    r"burnt|hacked|stoned|tortured)\s+(?:\w+\s+)?to death\b)",
                    after,
                )
            )
        ):
            return False  # "a number of villagers lynched three men": the killers, not the dead
        if re.match(
            r"\s+of\s+(?:these|them|those|whom|which|the dead)\b", text[m.end("num") :]
        ) and re.search(r"\b(?:killed|dead|died|deaths?|fatalit\w+)\b", text[: m.start()], re.I):
            return False  # "5 of these were killed": a part of a toll already counted
        if re.search(r"(?:bodies|corpses)$", lead) and (
            estimated_word(num_word) or len(text[m.end("num") : m.end()].split()) > 3
        ):
            return False  # "several garment workers' rights bodies": organisations, not the dead
        # "one report said that the fatalities ...": not a count of anyone
        # ("one reported dead" is a count)
        return not re.search(r"\bone\s+(?:reports?|sources?|accounts?)\b", lead)
    if kind in {
        "verb",
        "verb_person",
        "left",
        "verb_pronoun",
        "bare",
        "verb_name",
        "to_death_name",
        "death_of_name",
        "verb_another",
    } and _NOT_THIS.search(before):
        return False
    if kind == "verb" and _THEN_HARMED.match(text, m.end("num")):
        return False
    if (
        kind in {"verb", "verb_person", "verb_name"}
        # only "to lynch": "weapons were used by a mob to kill 8" tells a deed done
        and re.match(r"lynch\s", lead)
        and re.search(r"\bto\s+$", before)
        and not re.search(
            r"\b(?:managed|went on|going on|able|succeeded|used|claim\w*|said|reported)\s+to\s+$",
            before,
        )
    ):
        return False  # "forced their way into the station to lynch two women": an intent
    if (
        kind == "verb"
        and re.match(
            r"\s+(?:wounded|injured|hurt|arrested|detained|abducted|kidnapped|missing)\b",
            text[m.end("num") :],
        )
        and NUMBER_RE.search(text[max(0, m.start() - 12) : m.start()])
    ):
        return False  # "1 killed 2 injured": the number after the verb counts the wounded
    if kind == "death_of_name" and _CAUSE.search(before):
        return False  # "Riots broke out in response to the beheading of <name>": the cause
    if kind in {"death_of", "death_of_name", "verb_person"} and _ACCUSED.search(before):
        return False  # "a man accused in the killing of a trader": his past, not this toll

    if kind == "left" and _HARM_OTHER.search(lead):
        return False
    if (
        kind in {"noun_died", "person_died"}
        and num_word == "the"
        and re.search(r"[^s]s\s+(?:\([^()]*\)\s+)?(?:\w+\s+)?(?:died|dies)$", lead)
    ):
        return False  # "the customs officers died": more than one, and not how many
    # "some" and "no" before a noun are no count; "a" counts only right after the verb.
    return not (
        kind in {"verb", "death_of", "left"}
        and (
            num_word in {"some", "no"}
            or (
                num_word in {"a", "an"}
                and not re.match(r"kill|shot|shoot|beat|stab|deaths? of", lead)
            )
        )
    )


def find_fatalities(text: str, offset: int = 0) -> list[Fatalities]:
    """Figures of dead in one sentence, in text order; none for wounded-only or arrest counts."""
    coded = _coded(text, offset)
    if coded is not None:
        return [coded]
    found: list[Fatalities] = []
    for kind, pattern in _PATTERNS.items():
        for m in pattern.finditer(text):
            num_group = next(
                (g for g in ("num", "num2", "num3", "num4") if m.groupdict().get(g) is not None),
                "num",
            )
            num = m.group(num_group)
            if any(f.start <= offset + m.start(num_group) < f.end for f in found):
                continue
            if kind == "self" and any(f.start <= offset + m.start() < f.end for f in found):
                continue
            parsed = (
                (2, False)
                if kind in {"pair", "bare_pair"}
                else (1, False)
                if num.lower() in _ONE
                or kind == "self"
                or kind
                in {
                    "his_death",
                    "noun_died",
                    "bare",
                    "left_person",
                    "verb_name",
                    "to_death_name",
                    "death_of_name",
                    "verb_another",
                }
                else parse_number(num)
            )
            if parsed is None:
                continue
            before = text[max(0, m.start(num_group) - 10) : m.start(num_group)]
            after = text[m.end(num_group) : m.end(num_group) + 3]
            if (
                re.fullmatch(r"(?:19|20)\d\d", num)
                or (_MONTH_NEAR.search(before) and not _DAY_MONTH_END.search(before))
                or re.search(r"\d[/.]$", before)
                or re.match(r"[/.]\d", after)
            ):
                continue  # a year or a day of a month, not a count
            if not _keep(kind, m, num, text):
                continue
            value, estimated = parsed
            if value > 100_000:
                continue
            low = _OR_BEFORE.search(text[: m.start(num_group)])
            low_value = parse_number(low.group("low")) if low else None
            if low_value is not None:
                # "zero, one or two persons were killed": the most conservative of the figures,
                # and none at all when that is zero
                value = min(value, low_value[0])
                if value == 0:
                    continue
            start, end = m.start(), m.end()
            if kind in {"verb", "verb_person"} and _TWO_OF.match(text, m.start(num_group)):
                value = 2  # "killed the parents of an MP": two of the dead, not one
            if kind in {"verb", "verb_person", "left"}:
                # "killed three soldiers and two civilians": both groups are the dead.
                qual = m.groupdict().get("qual") or ""
                between = qual.lower() in {"between", "either"}
                more = None if between else _AND_MORE.match(text, end)
                extra = parse_number(more.group("num")) if more else None
                tail = text[more.end() : more.end() + 40] if more else ""
                harm = _HARM_OTHER.search(tail.split(",")[0])
                if harm and _PEOPLE_AFTER.match(tail, harm.end()):
                    harm = None  # "killed 5 herders and 2 other displaced people"
                if more and extra and not harm:
                    value, estimated, end = value + extra[0], estimated or extra[1], more.end()
                kin = _AND_KIN.match(text, end)
                if kin and not more:
                    value, end = value + 1, kin.end()
            if kind in {"count", "including"}:
                prior = _AND_BEFORE.search(text[: m.start("num")])
                extra = parse_number(prior.group("num")) if prior else None
                # "4 people (including 1 journalist who was reporting) as well as 2": an
                # aside is no clause of the group's own
                group = re.sub(r"\([^()]*\)", "", prior.group(0)) if prior else ""
                if (
                    prior
                    and extra
                    and not _HARM_OTHER.search(group)
                    # "A shoot-out broke out and two suspects died": "a" names the fight
                    and not _EVENT_GROUP.match(group)
                    # "25 houses were burned and two people were killed": a clause of its
                    # own, not a group of the dead
                    and not re.search(r"\b(?:were|was|have been|had been)\b", group)
                    and not any(f.end > prior.start() + offset for f in found)
                ):
                    value, estimated, start = (
                        value + extra[0],
                        estimated or extra[1],
                        prior.start(),
                    )
                    while listed := _LIST_BEFORE.search(text[:start]):
                        item = parse_number(listed.group("num"))
                        if (
                            item is None
                            or re.fullmatch(r"(?:19|20)\d\d", listed.group("num"))
                            or _HARM_OTHER.search(listed.group(0))
                            or any(f.end > listed.start() + offset for f in found)
                        ):
                            break
                        value, estimated, start = (
                            value + item[0],
                            estimated or item[1],
                            listed.start(),
                        )
                elif (
                    not prior
                    and kind == "count"
                    and num.lower() in {"a", "an"}
                    and re.search(r"\bwere\b", m.group(0))
                    and re.search(r"\band\s+$", text[: m.start("num")])
                ):
                    # "MCA Kibet Cheretei and a Jubilee MP hopeful were shot dead": one more
                    # of the dead, named before "and"
                    value += 1
                more = _AS_WELL_AS.match(text, end)
                extra = parse_number(more.group("num")) if more else None
                if more and extra and not _HARM_OTHER.match(text, more.end()):
                    value, estimated, end = value + extra[0], estimated or extra[1], more.end()
            found.append(
                Fatalities(value, estimated, offset + start, offset + end, text[start:end])
            )
    # "Three people were killed in an attack following the killing of a man on Sunday": the
    # earlier death is the cause of this event, told beside its own toll, not part of it.
    causes = [
        f
        for f in found
        if re.match(r"(?:killings?|deaths?|murders?|assassination) of\b", f.text, re.I)
        and _CAUSE.search(text[max(0, f.start - offset - 20) : f.start - offset])
    ]
    # "Five more people were killed, two days after the militia executed 20 others": an
    # earlier event's dead, told to date this one.
    causes += [
        f for f in found if _EARLIER.search(text[max(0, f.start - offset - 40) : f.start - offset])
    ]
    # "16 militants were killed ... after one soldier was killed in a roadside IED": the death
    # that set off this event.
    causes += [
        f
        for f in found
        if re.search(
            r"\b(?:after|following)\s+$", text[max(0, f.start - offset - 12) : f.start - offset]
        )
        and f.start > min(g.start for g in found)
    ]
    if causes and len(causes) < len(found):
        found = [f for f in found if f not in causes]
    # "7 other deaths are feared but unconfirmed": no credible figure.
    found = [f for f in found if not _UNCONFIRMED.match(text, f.end - offset)]
    # A figure inside another one's span is that one's part ("2 persons including a child
    # reportedly died", "a man suspected of kidnapping a child was killed").
    found = [
        f
        for f in found
        if not any(g is not f and g.start <= f.start and f.end <= g.end for g in found)
    ]
    if not found:
        passive = _passive(text, offset) or _them(text, offset) or _they(text, offset)
        if passive is not None and not _ACCIDENT_AFTER.match(text, passive.end - offset):
            found.append(passive)
    # "the director was killed along with his programmes coordinator": one more of the dead.
    found = [
        replace(f, number=2, end=f.end + along.end(), text=f.text + along.group(0))
        if f.number == 1 and (along := _ALONG_WITH.match(text[f.end - offset :]))
        else f
        for f in found
    ]
    found = [f for f in found if not _CODED_APART.match(text, f.end - offset)]
    found.sort(key=lambda f: f.start)
    found = _without_parts(found, text, offset)
    # "Both sides suffered the death of one soldier", "one fighter was killed on each side":
    # one dead for each of the two sides.
    found = [
        replace(f, number=2)
        if f.number == 1
        and (
            _BOTH_SIDES.search(text[max(0, f.start - offset - 40) : f.start - offset])
            or _EACH_SIDE.match(text, f.end - offset)
        )
        else f
        for f in found
    ]
    # "Initial reports of 2 people killed, later reports of one person killed": ACLED keeps the
    # corrected figure.
    if any(_LATER.search(text, 0, f.start - offset + 1) for f in found):
        found = [f for f in found if not _INITIAL.search(text, 0, f.start - offset + 1)]
    marked = [
        replace(
            f,
            alternative=bool(_ALTERNATIVE.search(text[: f.start - offset])),
            additional=bool(
                _ADDITIONAL.search(text[max(0, f.start - offset - 20) : f.end - offset])
            ),
        )
        for f in found
    ]
    # "The Government stated that 25 people were killed, but other sources reported at least 37":
    # the conservative figure stands.
    own = [f for f in marked if not f.alternative]
    return own or marked


_ALONG_WITH = re.compile(
    r",?\s+(?:in\s+\w+\s+)?(?:along|together) with\s+(?:his|her)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?!(?:cattle|cows?|goats?|sheep|camels?|livestock|animals?|car|vehicle|motor\w*|house|home|"
    r"belongings|property|money|gun|weapons?|rifle|phone|bag)\b)[\w'’-]+",
    re.I,
)
_BOTH_SIDES = re.compile(
    r"\b(?:both|each|either) sides?\s+(?:(?:each|reportedly)\s+)?(?:suffered|lost|had|"
    r"reported)\s+(?:the\s+)?$",
    re.I,
)
_EACH_SIDE = re.compile(r"[^.;]{0,20}?\b(?:on|from|of) (?:each|either|both) sides?\b", re.I)


def _without_parts(found: list[Fatalities], text: str, offset: int) -> list[Fatalities]:
    """Drop the figures that break down a total told just before them."""
    kept: list[Fatalities] = []
    for f in found:
        total = kept[-1] if kept else None
        if (
            total is not None
            and not re.search(r"\bfatalit|\bcoded\b", f.text, re.I)
            and not total.estimated
            and f.number <= total.number
            and _BREAKDOWN.match(text[total.end - offset : f.start - offset])
            and not _ADDITIONAL.search(text[total.end - offset : f.end - offset])
        ):
            continue
        kept.append(f)
    return kept


_KILLED_THEM = re.compile(
    r"\b(?:killed|killing|kills?|executed|executing|shot dead|shooting dead|murdered|lynched|"
    r"beheaded|massacred)\s+them\b",
    re.I,
)
_PEOPLE_COUNT = re.compile(
    r"\b(?P<num>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:" + _PERSON + r"s?|people|persons|men|women|children|personnel|"
    r"police|villagers|civilians|soldiers|fishermen|herdsmen|policemen)\b",
    re.I,
)


def _them(text: str, offset: int) -> Fatalities | None:
    """ "Kidnapped two villagers and killed them": the dead are the people counted before."""
    m = _KILLED_THEM.search(text)
    if m is None or _NOT_THIS.search(text[max(0, m.start() - 40) : m.start()]):
        return None
    return _counted_before(text, offset, m)


_THEY_KILLED = re.compile(
    r"\bthey\s+(?:were|had been|have been)\s+"
    r"(?:(?!and\b|not\b|never\b|nearly\b|almost\b|but\b)[\w'’-]+\s+){0,8}?(?:and\s+)?"
    r"(?:later\s+|then\s+)?(?:killed|shot dead|found dead|executed|murdered|lynched|beheaded)\b",
    re.I,
)


def _they(text: str, offset: int) -> Fatalities | None:
    """ "7 men were detained by police - they were handed over and later found dead": the dead
    are the people counted before."""
    m = _THEY_KILLED.search(text)
    if m is None:
        return None
    return _counted_before(text, offset, m)


def _counted_before(text: str, offset: int, pronoun: re.Match[str]) -> Fatalities | None:
    """The last count of people before a pronoun's killing, spanning both as the evidence."""
    counts = list(_PEOPLE_COUNT.finditer(text, 0, pronoun.start()))
    if not counts:
        return None
    parsed = parse_number(counts[-1].group("num"))
    if parsed is None:
        return None
    start = counts[-1].start()
    end = pronoun.end()
    return Fatalities(parsed[0], parsed[1], offset + start, offset + end, text[start:end])


_PRONOUN_DEAD = re.compile(
    r"\b(?:(?:killed|killing|kills?|executed|executing|shot dead|murdered|lynched|beheaded)\s+"
    r"them(?:\s+all)?\b|^\s*they\s+(?:were|had been|have been)\s+(?:(?:all|later|then|reportedly|"
    r"subsequently)\s+)?(?:killed|shot dead|found dead|executed|murdered|lynched|beheaded)\b)",
    re.I,
)


# "two suspected militants who police said were involved in the trade were shot dead": a
# relative clause whose verb, plural, tells the death of the people counted just before "who".
_WHO_WERE = re.compile(
    r"^\s*who\s+(?:(?!had\b|have\b)[^.;,]{0,80}?\s)??(?:were\s+(?:(?:all|later|then|reportedly|"
    r"subsequently|allegedly)\s+)?(?:killed|shot dead|found dead|executed|murdered|lynched|"
    r"beheaded|gunned down)|(?:later\s+)?died)\b",
    re.I,
)
_COUNT_BEFORE_WHO = re.compile(
    r"\b" + _QUANT + r"\s+(?:(?!(?:and|or|of)\b)[\w'’-]+\s+){0,4}?[\w'’-]+\s*$", re.I
)


def _who_were(text: str, start: int, clause: str) -> list[Fatalities]:
    m = _WHO_WERE.match(clause)
    if m is None:
        return []
    count = _COUNT_BEFORE_WHO.search(text[max(0, start - 80) : start])
    if count is None or count.group("num").lower() in {"a", "an", "no", "some", "one"}:
        return []
    parsed = parse_number(count.group("num"))
    if parsed is None or _HARM_OTHER.search(count.group(0)):
        return []
    return [Fatalities(parsed[0], parsed[1], start + m.start(), start + m.end(), m.group(0))]


def pronoun_toll(text: str, start: int, end: int) -> list[Fatalities]:
    """ "Gunmen abducted 9 soldiers. They later killed them.", "2 armed men shot at the police.
    They were killed when the police returned fire.": the dead of a clause that names them by a
    pronoun are the people counted last before it in the paragraph. `text` is the story, and
    `start`-`end` the clause."""
    clause = text[start:end]
    if who := _who_were(text, start, clause):
        return who
    m = _PRONOUN_DEAD.search(clause)
    if m is None or _NOT_THIS.search(clause[max(0, m.start() - 40) : m.start()]):
        return []
    para_start = max(text.rfind("\n\n", 0, start) + 1, start - 300)
    counts = list(_PEOPLE_COUNT.finditer(text, para_start, start))
    if not counts or _HARM_OTHER.match(text, counts[-1].end()):
        return []
    parsed = parse_number(counts[-1].group("num"))
    if parsed is None:
        return []
    return [Fatalities(parsed[0], parsed[1], start + m.start(), start + m.end(), m.group(0))]


def _passive(text: str, offset: int) -> Fatalities | None:
    m = _PASSIVE.search(text)
    if m is None:
        return None
    if m.group("aux").lower() in {"was", "is", "has been", "had been"}:
        return Fatalities(1, False, offset + m.start(), offset + m.end(), m.group(0))
    subject = text[max(0, m.start() - 160) : m.start()]
    if re.search(
        r"\b(?:zero|none)(?:,\s*\w+)*,?\s+or\s+\w+\s+(?:[\w'’-]+\s+){0,3}?$", subject, re.I
    ):
        return None  # "zero, one or two persons were killed": the conservative figure is none
    counts = list(_CLAUSE_COUNT.finditer(subject))
    if not counts or _HARM_OTHER.search(subject[counts[-1].start() :]):
        return None
    parsed = parse_number(counts[-1].group("num"))
    if parsed is None or counts[-1].group("num").lower() in {"a", "an", "no", "some"}:
        return None
    start = m.start() - len(subject) + counts[-1].start("num")
    # "1 Taliban commander and his guard were killed": one more of the dead.
    rest = subject[counts[-1].end() :]
    kin = 1 if _KIN_IN_SUBJECT.search(rest) and not re.search(r"\bincluding\b", rest) else 0
    return Fatalities(
        parsed[0] + kin, parsed[1], offset + start, offset + m.end(), text[start : m.end()]
    )


def split_parts(text: str) -> int | None:
    """Into how many ACLED events a note shares its figure of dead, when it says so and gives
    no share of its own ("with 5 coded to each", "Total 3 fatalities coded to this event")."""
    m = _SPLIT.search(text)
    if m is None or any(p.search(text) for p in _CODED[:3]):
        return None
    parsed = parse_number(m.group("parts"))
    days = parse_number(m.group("days")) if m.group("days") else None
    parts = parsed[0] * (days[0] if days else 1) if parsed else 0
    return parts if parts > 1 else None


def share(total: int, parts: int) -> int:
    """The share most of `parts` events get when ACLED spreads `total` dead evenly, the
    remainder going one each to the first events: 10 over 3 is 4, 3, 3, so 3."""
    base, rest = divmod(total, parts)
    return base + 1 if rest * 2 > parts else base


def coded_figure(text: str) -> int | None:
    """The figure a coder's note gives its event ("Unknown fatalities coded as 10"), if any."""
    coded = _coded(text, 0)
    return coded.number if coded is not None else None


def is_alternative(text: str) -> bool:
    """Does the sentence give another source's account ("Other sources report that ...")?"""
    return bool(_ALTERNATIVE.search(text))


# "On 3 May, soldiers bombed militant bases. No fatalities were reported.": a sentence of its
# own that rules out any dead, which ACLED codes as 0 whatever the story's verbs suggest.
_NONE_DIED = re.compile(
    r"(?:^|[.;]\s+)(?:there (?:were|was) )?no (?:human )?(?:casualties|fatalities|deaths)\b"
    r"(?! (?:among|on the side|on (?:the )?(?:\w+ )?side) )[^.;]*(?:[.;]|$)|"
    # "A suspect is lynched ... and nearly killed before he is rescued by police", "The man was
    # rescued by police before death": the one lynched lived.
    r"(?:^|[.;]\s+)[^.;]*\b(?:(?:rescued|saved)\b[^.;]*\bbefore (?:his |her )?death|"
    r"(?:nearly|almost) (?:killed|lynched|beaten to death)\b[^.;]*\b(?:rescued|saved))\b[^.;]*"
    r"(?:[.;]|$)",
    re.I,
)


def deathless_paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs that say, in a sentence of their own, that nobody died."""
    spans: list[tuple[int, int]] = []
    start = 0
    for para in re.split(r"(\n\s*\n)", text):
        if para.strip() and _NONE_DIED.search(para):
            spans.append((start, start + len(para)))
        start += len(para)
    return spans


def says_no_deaths(text: str) -> bool:
    """True when the sentence says outright that nobody died."""
    return bool(_NO_DEATH.search(text))


# The side a count of dead stands on, from the noun its number counts: ACLED adds up the dead
# of both sides of a fight ("2 soldiers were killed. 3 militants were killed"), while two
# figures for one side retell one toll.
_SIDES = (
    (
        "state",
        re.compile(
            r"(?:soldiers?|troops?|police(?:m[ae]n|wom[ae]n)?|(?:police )?officers?|servicem[ae]n|"
            r"gendarmes?|guards?|personnel|army|military|security|policem[ae]n|cops?|"
            r"constables?|reservists?|militiam[ae]n of|sepoys?|jawans?)\b",
            re.I,
        ),
    ),
    (
        "armed",
        re.compile(
            r"(?:militants?|insurgents?|rebels?|fighters?|attackers?|gunm[ae]n|terrorists?|"
            r"bandits?|assailants?|raiders?|jihadists?|militiam[ae]n|cadres?|combatants?|"
            r"members of (?:the )?(?:[A-Z][\w-]*\s*)+|(?:[A-Z][\w-]*\s+)+(?:militants|"
            r"fighters|members|cadres|rebels))\b",
        ),
    ),
    (
        "civilian",
        re.compile(
            r"(?:civilians?|villagers?|residents?|children|child|women|woman|farmers?|herders?|"
            r"passers-?by|bystanders?|worshippers?|students?|traders?)\b",
            re.I,
        ),
    ),
)


def side_of(text: str, after: str = "") -> str:
    """The side ("state", "armed", "civilian") of the dead a fatality mention counts, or ""
    when it does not say ("5 people", "several"). A mention that ends on its number ("killed
    3") names its dead in the words `after` it ("militants including a commander")."""
    nums = list(NUMBER_RE.finditer(text))
    if not nums:
        return ""
    rest = text[nums[-1].end() :]
    if not rest.strip():
        rest = after
    rest = re.sub(r"^\s+(?:(?:suspected|more|other|local|armed|alleged|of the)\s+)*", "", rest)[:40]
    for side, pattern in _SIDES:
        if pattern.match(rest):
            return side
    return ""


# "relatives of a student who was killed", "colleagues of a teacher who was shot dead": the
# dead a demonstration's people are named after.
_KIN_OF = re.compile(
    r"\b(?:relatives?|famil(?:y|ies)|colleagues?|friends?|parents?|classmates?|widows?|"
    r"mothers?|fathers?|sons?|daughters?|brothers?|sisters?|supporters?|followers?)\s+of\s+"
    r"(?:[\w'’-]+\s+){1,5}?(?:who|whom|whose)\b",
    re.I,
)


def grievance(text: str, start: int, fatal: Fatalities) -> bool:
    """Is the death one a demonstration is about rather than one of its own dead: the dead
    its people are kin or colleagues of, or a death ACLED coded as an event of its own ("a
    teacher who was shot dead by assailants (coded separately)")? `start` bounds the clause."""
    # The clause may open on the relative pronoun: the kin word stands just before it.
    before = text[max(0, min(start, fatal.start) - 60) : fatal.end]
    return bool(_KIN_OF.search(before) or _CODED_APART.match(text, fatal.end))
