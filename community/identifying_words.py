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
