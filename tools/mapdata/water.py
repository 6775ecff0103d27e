"""Water the land mask gets wrong at 30 km, and hexes fixed by hand.

The mask (global_land_mask) treats closed seas and lakes as land, so the
Caspian and the lakes are drawn here as coastline polygons (lat, lon), traced
from general atlas knowledge; the outlines only need to be good to a few
kilometres, since a hex is 30 km across.  Parts of a polygon off the map do
no harm.
"""
from tools.mapgen.spec import Fix, Water

WATERS = [
    Water("~", "Caspian Sea", (
        (46.6, 47.6), (45.5, 47.35), (45.0, 47.15), (44.75, 46.95), (44.45, 47.05),
        (44.2, 47.45), (43.75, 47.45), (43.35, 47.55), (42.98, 47.52), (42.85, 47.66),
        (42.56, 47.90), (42.30, 48.10), (42.06, 48.32), (41.85, 48.55), (41.62, 48.78),
        (41.35, 49.05), (41.08, 49.22), (40.80, 49.45), (40.60, 49.63), (40.55, 49.95),
        (40.45, 50.25), (40.32, 50.40), (40.38, 50.05), (40.37, 49.85), (40.17, 49.47),
        (39.95, 49.41), (39.65, 49.38), (39.33, 49.38), (39.05, 49.15), (38.75, 48.87),
        (38.43, 48.89), (38.00, 48.95), (37.65, 49.10), (37.47, 49.45), (37.42, 49.95),
        (37.18, 50.30), (36.95, 50.60), (36.75, 51.5), (46.6, 51.5))),
    Water("%", "Lake Van", (
        (38.50, 42.27), (38.72, 42.45), (38.80, 42.75), (38.90, 42.95), (39.00, 43.25),
        (39.00, 43.42), (38.85, 43.40), (38.65, 43.30), (38.50, 43.32), (38.33, 43.18),
        (38.30, 43.05), (38.37, 42.80), (38.40, 42.55))),
    Water("%", "Lake Urmia", (
        (38.28, 45.45), (38.15, 45.70), (37.85, 45.85), (37.55, 45.90), (37.35, 45.90),
        (37.15, 45.65), (37.10, 45.45), (37.30, 45.30), (37.60, 45.25), (37.90, 45.15),
        (38.15, 45.20))),
    Water("%", "Lake Sevan", (
        (40.62, 44.95), (40.55, 45.15), (40.35, 45.40), (40.20, 45.45), (40.15, 45.25),
        (40.30, 45.05), (40.45, 44.92))),
    Water("%", "Lake Tuz", (
        (39.10, 33.35), (39.00, 33.55), (38.70, 33.55), (38.50, 33.45), (38.60, 33.25),
        (38.90, 33.20))),
    # Narrow gulfs of the Red Sea: real sea, but too thin for the mask at 30 km.
    Water("~", "Gulf of Suez", (
        (29.97, 32.55), (29.90, 32.65), (29.30, 32.80), (28.70, 33.10), (28.60, 32.80),
        (29.30, 32.50), (29.85, 32.45))),
    Water("~", "Gulf of Aqaba", (
        (29.55, 34.98), (29.35, 35.05), (28.70, 34.80), (28.75, 34.55), (29.35, 34.85))),
]

FIXES = [
    # Lakes narrower than a hex that still matter to movement.
    Fix("%", "Lake Sevan (centre)", (40.35, 45.20)),
    Fix("%", "Dead Sea", (31.55, 35.48)),
    Fix("~", "Gulf of Suez head", (29.85, 32.58)),
    Fix("~", "Gulf of Suez", (29.40, 32.75)),
    Fix("~", "Gulf of Aqaba", (29.15, 34.75)),
    # Islands a 30 km sample would lose or split.
    Fix("land", "Rhodes town", (36.44, 28.22)),
    Fix("land", "Rhodes, south", (36.15, 27.90)),
    Fix("land", "Constantia, Cyprus", (35.18, 33.90)),
    # Coastal towns whose hex is mostly sea but holds the town and its shore:
    # the hex counts as land so the town stays where it really is.
    Fix("land", "Trebizond", (41.00, 39.72)),
    Fix("land", "Isthmus of Corinth", (37.91, 22.88)),
    Fix("land", "Attalia", (36.89, 30.70)),
    Fix("land", "Sinope peninsula", (42.03, 35.15)),
    Fix("land", "Gaza", (31.52, 34.45)),
    # Lesbos lies 10 km off the Troad; keep it an island.
    Fix("~", "Strait between Lesbos and the Troad", (39.42, 26.23)),
    # Gulfs narrower than a hex that made their towns ports.
    Fix("~", "Gulf of Nicomedia", (40.73, 29.61)),
    Fix("~", "Gulf of Smyrna", (38.49, 26.90)),
    # The Bosporus: the hexes either side of the strait are land, and the
    # Black Sea and the Sea of Marmara reach the strait's two ends, so that
    # Thrace and Bithynia meet only across the strait edge.
    Fix("land", "Thracian shore of the Bosporus", (41.06, 28.76)),
    Fix("land", "Asian shore of the Bosporus", (41.06, 29.10)),
    Fix("~", "Black Sea mouth of the Bosporus", (41.29, 28.93)),
    Fix("~", "Marmara mouth of the Bosporus", (40.83, 28.93)),
    # The Hellespont: the Gallipoli peninsula and the Troad are land; the
    # Marmara reaches Lampsacus, so the only contact is the strait.
    Fix("land", "Gallipoli peninsula", (40.41, 26.67)),
    Fix("land", "Abydos", (40.19, 26.40)),
    Fix("~", "Marmara mouth of the Hellespont", (40.36, 26.90)),
]
