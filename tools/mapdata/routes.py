"""Roads, straits and passes.

A road is written as the towns, passes and stations it is known to have
run through (place ids, or (lat, lon) for stations that are not places);
the builder joins them with the cheapest chain of passable hexes.
"""
from tools.mapgen.spec import Pass, Road, Strait

ROADS = [
    Road("via_egnatia", "Via Egnatia", "roman", (
        "thessalonica", (40.82, 23.85), (41.01, 24.28), (41.13, 25.40), (41.02, 25.95),
        (40.92, 26.38), (40.97, 27.30), "heraclea", "constantinople")),
    Road("military_road", "Military road to the east", "roman", (
        "chalcedon", "nicomedia", "nicaea", (40.13, 31.60), "ancyra", (39.15, 34.16),
        "halys_avanos", "caesarea")),
    Road("armenian_road", "Road to Armenia", "roman", (
        "caesarea", "sebasteia", "nicopolis", "satala", (39.74, 39.50), "theodosiopolis")),
    Road("cilician_road", "Road through the Cilician Gates", "roman", (
        "caesarea", "tyana", "cilician_gates", "tarsus", "adana", (36.96, 35.63),
        (36.85, 36.17), (36.49, 36.22), "antioch")),
    Road("syrian_road", "Road from Antioch to Egypt", "roman", (
        "antioch", "apamea", "emesa", "damascus", (32.50, 35.50), "jerusalem", "gaza",
        (31.12, 33.80), "pelusium", (30.85, 31.60), (30.90, 30.90), "alexandria")),
    Road("coast_road", "Coast road of Phoenicia", "roman", (
        "antioch", "laodicea", (34.44, 35.83), "berytus", "tyre", "caesarea_maritima", "gaza")),
    Road("mesopotamian_road", "Road from Antioch to Nisibis", "roman", (
        "antioch", "beroea", "hierapolis", (37.06, 37.87), "edessa", "constantina", "dara",
        "nisibis")),
    Road("euphrates_road", "Road from Melitene to Edessa", "roman", (
        "melitene", "samosata", "edessa")),
    Road("royal_road", "Persian royal road", "persian", (
        "nisibis", (36.80, 42.10), "nineveh", "arbela", "karka", (34.40, 44.90), "dastagerd",
        "ctesiphon")),
    Road("zagros_road", "Road from Ctesiphon over the Zagros to Ganzak", "persian", (
        "ctesiphon", "dastagerd", (34.70, 45.50), "zagros_shahrazur", (36.22, 46.27), "ganzak")),
    Road("araxes_road", "Road from Dvin to Ganzak", "persian", (
        "dvin", "nakhchivan", (38.95, 45.63), (38.08, 46.29), "ganzak")),
    Road("albanian_road", "Road from Tiflis to the Caspian Gates", "persian", (
        "tiflis", (41.00, 45.90), "partaw", (40.98, 47.85), (40.63, 48.64), (41.35, 48.55),
        "derbent")),
    Road("pontic_road", "Road from Trebizond to Satala", "roman", (
        "trebizond", (40.63, 39.40), "satala")),
    Road("ararat_road", "Road from Theodosiopolis to Dvin", "track", (
        "theodosiopolis", (40.04, 42.17), (40.10, 43.10), "dvin")),
    Road("iberian_road", "Road from Dvin to Tiflis", "track", ("dvin", (40.80, 44.50), "tiflis")),
    Road("melitene_road", "Road from Sebasteia to Melitene", "roman", (
        "sebasteia", "melitene")),
    Road("tigris_road", "Road from Amida to Martyropolis and Dara", "roman", (
        "dara", "amida", "martyropolis")),
    Road("asia_road", "Road from Nicaea to Sardis and Ephesus", "roman", (
        "nicaea", "dorylaeum", (39.42, 29.98), "sardis", "smyrna", "ephesus")),
    Road("pilgrim_road", "Road from Dorylaeum to Iconium and Tyana", "roman", (
        "dorylaeum", "amorium", "iconium", "tyana")),
    Road("thracian_road", "Military road to Serdica", "roman", (
        "constantinople", "hadrianople", "philippopolis", "serdica")),
]

STRAITS = [
    # Each pair is (European shore, Asian shore); the edge between their hexes
    # becomes a strait edge.  The points are the hex centres either side.
    Strait("bosporus", "Bosporus", (((41.06, 28.76), (41.06, 29.10)),)),
    Strait("hellespont", "Hellespont", (
        ((40.41, 26.67), (40.19, 26.40)),
        ((40.41, 26.67), (40.13, 26.74)))),
]

PASSES = [
    Pass("cilician_gates", "Cilician Gates", (37.25, 34.80), "m", winter_closed=True),
    Pass("caspian_gates", "Caspian Gates (Derbent)", (42.06, 48.29), "h", winter_closed=False),
    Pass("darial", "Darial Pass", (42.74, 44.62), "m", winter_closed=True),
    Pass("zagros_shahrazur", "Zagros pass (Shahrazur route)", (35.35, 45.90), "m",
         winter_closed=True),
    Pass("zigana", "Zigana pass (Trebizond to Satala)", (40.63, 39.40), "m", winter_closed=True),
    Pass("syrian_gates", "Syrian Gates (Amanus)", (36.49, 36.22), "h", winter_closed=False),
    Pass("bitlis", "Bitlis pass", (38.40, 42.11), "m", winter_closed=True),
]
