"""Word lists behind the identifying-detail hints. Hints, not a filter: a moderator decides.

The first names are common in the Netherlands across generations and backgrounds. Names that
are also everyday Dutch words are in AMBIGUOUS_NAMES: they are only flagged mid-sentence,
where a capital letter means a name rather than the start of a sentence.
"""

_FIRST_NAMES = """
    Aaliyah Aart Abdel Abdelkader Abdul Abdullah Adam Adriaan Adrie Ahmed Aisha Albert Alex
    Alexander Ali Alice Amber Amina Amira Amy Andre André Angela Anita Anja Anna Anne Anneke
    Annemarie Annie Anouk Antoon Arie Arjan Arjen Arno Aron Astrid Ayoub Bart Bas Bastiaan
    Bea Benjamin Bernard Bert Bianca Bilal Bram Brenda Britt Carla Carolien Casper Cees
    Charlotte Chris Christiaan Claudia Cor Corrie Daan Dani Daniel Daniëlle Danny Dave David
    Davy Demi Dennis Dewi Dick Diederik Dirk Dylan Ed Eddy Edwin Els Emma Erik Ernst Esther
    Eva Evelien Evi Fatima Fatma Femke Finn Floor Floris Frank Frans Fred Freek Frits Gerard
    Gerda Gerrit Gert Gijs Guus Hanna Hannah Hans Harm Harry Hassan Hatice Hein Hendrik Henk
    Henny Herman Hester Hilde Huib Hüseyin Ibrahim Ilse Imane Inge Ingrid Ivo Jaap Jacco
    Jacob Jamal Jan Jana Janneke Jans Jasmijn Jasper Jayden Jeroen Jesse Jessica Jim Joke
    Jolanda Joost Joris Jos Joyce Julia Julian Juliette Justin Kai Karel Karin Kees Kevin
    Khadija Kim Klaas Koen Kris Lars Laura Lea Leen Lex Liam Lieke Lieve Linda Lisa Lisanne
    Lotte Louis Lucas Luuk Maaike Maarten Marcel Marco Maria Marie Marieke Marijke Marina
    Mario Mark Marleen Martijn Martin Mathijs Maud Max Meryem Mila Milan Mirjam Mo Mohamed
    Mohammed Monique Mustafa Nadia Naomi Nathalie Nick Niels Nienke Noah Noor Nora Olivia
    Omar Paul Peter Petra Piet Pieter Priscilla Quinten Rachid Rana Ricardo Richard Rik Rob
    Robert Robin Roel Rogier Ron Ronald Roos Rosa Ruben Rutger Ruud Sam Samira Sander Sandra
    Sanne Sara Sarah Saskia Sem Sevda Shirley Silvia Simone Sjaak Sjoerd Sofie Sophie Stefan
    Stijn Suzanne Tamara Tess Teun Thijs Thomas Tim Tineke Tom Ton Truus Twan Vera Wendy
    Wesley Willem Wilma Wim Wouter Yara Yasmina Youssef Yusuf Zeynep Zoë
"""
FIRST_NAMES = frozenset(_FIRST_NAMES.split())

# First names that are also ordinary words, or often start a sentence for another reason:
# "Mark je woorden", "Roos" (a rose), "Floor" (a floor).
_AMBIGUOUS_NAMES = "Bas Cor Dewi Ed Floor Jans Kris Lieve Mark Mo Noor Rob Roos Rosa Sam Ton Vera"
AMBIGUOUS_NAMES = frozenset(_AMBIGUOUS_NAMES.split())

# Forms of address and roles that come right before a name.
NAME_TITLES = (
    "meneer",
    "mevrouw",
    "mevr.",
    "mw.",
    "dhr.",
    "de heer",
    "dokter",
    "dr.",
    "juf",
    "meester",
    "tante",
    "oom",
    "opa",
    "oma",
    "agent",
    "wijkagent",
    "buurman",
    "buurvrouw",
)

# Dutch surname particles: "Jan de Vries", "mevrouw van den Berg".
SURNAME_PARTICLES = (
    "van der",
    "van den",
    "van de",
    "van 't",
    "in 't",
    "op de",
    "van",
    "de",
    "den",
    "der",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
)

# How Dutch street names end: Kerkstraat, Stationsweg, Oudegracht.
STREET_SUFFIXES = (
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "singel",
    "kade",
    "dijk",
    "dreef",
    "steeg",
    "pad",
    "markt",
    "plantsoen",
    "hof",
    "wal",
    "baan",
    "boulevard",
    "allee",
    "park",
    "hoven",
    "veld",
    "haven",
    "burcht",
    "passage",
    "polder",
)

# Words ending like a street but meaning something else.
NOT_STREETS = frozenset(
    {
        "onderweg",
        "halfweg",
        "gerechtshof",
        "ziekenhuis",
        "speelplein",
        "schoolplein",
        "binnenweg",
        "uitweg",
        "omweg",
        "zijweg",
        "snelweg",
        "voetpad",
        "fietspad",
        "zebrapad",
        "weiland",
        "verband",
        "voetbalveld",
        "slagveld",
        "werkveld",
        "dierenpark",
        "pretpark",
        "kerkhof",
        "vliegveld",
        "supermarkt",
        "arbeidsmarkt",
        "woningmarkt",
        "huizenmarkt",
        "loopbaan",
        "rijbaan",
    }
)

# Abbreviated street endings, written with a dot or a house number: "Kerkstr. 12", "Dorpsln 4".
STREET_ABBREVIATIONS = ("str", "ln", "pln", "gr", "sngl")

# Two-letter words that follow a number in ordinary sentences ("in 2019 is", "1985 en") and so
# are not the letters of a postcode written in lower case with a space.
_NOT_POSTCODE_LETTERS = """
    al am de dl en er ga ge hé ik in is je ja km kg me mm ml na nu of om op pm te to we ze zo
    cm cl bv ca nr no mg mb gb kb cc pk eu
"""
NOT_POSTCODE_LETTERS = frozenset(_NOT_POSTCODE_LETTERS.split())

# Where a social media name follows the platform without an "@": "insta janjansen1985".
PLATFORMS = (
    "instagram",
    "insta",
    "ig",
    "snapchat",
    "snap",
    "tiktok",
    "facebook",
    "fb",
    "twitter",
    "telegram",
    "signal",
    "discord",
    "onlyfans",
    "linkedin",
    "bluesky",
)

# Help services people may name in a chat without it being held: they identify nobody.
SERVICE_DOMAINS = frozenset(
    {
        "veiligthuis.nl",
        "113.nl",
        "slachtofferhulp.nl",
        "fier.nl",
        "blijfgroep.nl",
        "huiselijkgeweld.nl",
        "politie.nl",
        "rijksoverheid.nl",
        "kindertelefoon.nl",
    }
)

# Place names that are also ordinary words ("mijn buren", "best wel", "de beek"): hinted only
# with a capital and not at the start of a sentence, like the ambiguous first names.
_AMBIGUOUS_PLACES = """
    Beek Bergen Best Borne Buren Delft Doorn Duiven Echt Edam Goes Gouda Haren Hoorn Horst
    Huizen Kampen Leek Leiden Losser Putten Sluis Stein Weert
"""
AMBIGUOUS_PLACES = frozenset(_AMBIGUOUS_PLACES.split())
