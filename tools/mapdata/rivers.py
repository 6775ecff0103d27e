"""Rivers as (lat, lon) polylines from source to mouth, and their crossings.

The builder traces each line along hex edges.  Order matters: a river that
starts or ends on another (`start_on`, `end_on`) must come after it.  The
courses follow the modern rivers; where the ancient course differs in a way
that matters (the Nile branches, the Nahrawan canal), the ancient one is used.
"""
from tools.mapgen.spec import Crossing, River

RIVERS = [
    River("euphrates", "Euphrates", (
        (39.90, 41.20), (39.80, 40.40), (39.72, 39.50), (39.55, 39.00), (39.10, 38.80),
        (38.80, 38.75), (38.60, 38.55), (38.40, 38.80), (38.10, 38.75), (37.75, 38.60),
        (37.50, 38.45), (37.25, 37.90), (37.03, 37.98), (36.83, 38.01), (36.55, 38.25),
        (36.00, 38.10), (35.87, 39.02), (35.33, 40.14), (35.15, 40.43), (34.45, 40.92),
        (34.47, 41.98), (34.13, 42.38), (33.64, 42.83), (33.42, 43.30), (33.35, 43.78),
        (32.95, 44.05), (32.54, 44.38), (32.03, 44.40), (31.31, 45.28), (31.04, 46.26),
        (31.00, 47.43), (30.50, 47.80), (29.97, 48.50))),
    River("tigris", "Tigris", (
        (38.45, 39.45), (38.10, 39.90), (37.90, 40.27), (37.71, 41.41), (37.33, 42.19),
        (37.08, 42.38), (36.70, 42.80), (36.34, 43.12), (35.99, 43.33), (35.46, 43.26),
        (35.20, 43.45), (34.60, 43.68), (34.20, 43.87), (33.70, 44.22), (33.33, 44.36),
        (33.12, 44.44), (32.95, 44.62), (32.85, 44.95), (32.50, 45.82), (31.84, 47.15), (31.00, 47.43)),
        end_on="euphrates"),
    River("great_zab", "Great Zab", (
        (37.95, 44.00), (37.58, 43.74), (37.25, 43.62), (36.95, 44.00), (36.70, 44.25),
        (36.45, 43.95), (36.27, 43.65), (35.99, 43.33)), end_on="tigris"),
    River("nahrawan", "Nahrawan canal", (
        (34.30, 43.90), (34.00, 44.45), (33.65, 44.75), (33.35, 44.85), (33.05, 45.05),
        (32.75, 45.45), (32.50, 45.80)), start_on="tigris", end_on="tigris"),
    River("halys", "Halys", (
        (39.90, 38.60), (39.95, 37.75), (39.97, 37.25), (40.03, 37.04), (39.85, 36.75),
        (39.35, 36.30), (38.95, 35.50),
        (38.72, 34.85), (38.85, 34.35), (39.20, 34.00), (39.42, 33.42), (39.85, 33.52),
        (40.40, 33.95), (41.00, 34.35), (41.15, 34.80), (41.20, 35.40), (41.57, 35.90),
        (41.73, 35.95))),
    River("sarus", "Sarus", (
        (38.60, 35.95), (38.10, 35.75), (37.60, 35.55), (37.20, 35.45), (37.00, 35.46),
        (36.85, 35.42), (36.70, 35.38))),
    River("pyramus", "Pyramus", (
        (38.20, 37.20), (37.75, 36.95), (37.40, 36.40), (37.10, 36.00), (36.96, 35.70),
        (36.80, 35.76), (36.60, 35.72))),
    River("orontes", "Orontes", (
        (34.37, 36.38), (34.73, 36.68), (35.13, 36.75), (35.50, 36.36), (35.80, 36.36),
        (36.00, 36.42), (36.15, 36.40), (36.12, 36.15), (36.06, 35.98))),
    River("jordan", "Jordan", (
        (33.20, 35.62), (32.85, 35.60), (32.50, 35.57), (32.10, 35.55), (31.78, 35.55))),
    River("kura", "Kura", (
        (41.10, 42.70), (41.64, 42.98), (41.84, 43.38), (41.99, 43.60), (41.98, 44.11),
        (41.84, 44.72), (41.69, 44.80), (41.50, 45.10), (41.20, 45.60), (40.80, 46.60),
        (40.62, 47.15), (40.35, 47.90), (40.00, 48.48), (39.30, 49.30))),
    River("araxes", "Araxes", (
        (39.45, 41.10), (39.75, 41.60), (40.00, 41.95), (40.04, 42.17), (40.15, 43.10), (40.05, 43.65), (39.85, 44.35),
        (39.55, 44.85), (39.15, 45.35), (38.95, 45.63), (38.90, 46.03), (39.15, 46.95),
        (39.40, 47.90), (40.00, 48.48)), end_on="kura"),
    River("nile", "Nile (Canopic branch)", (
        (28.80, 30.90), (29.10, 31.12), (29.50, 31.22), (29.85, 31.25), (30.12, 31.22),
        (30.50, 30.95), (30.80, 30.75), (31.10, 30.45), (31.30, 30.10))),
    River("nile_pelusiac", "Nile (Pelusiac branch)", (
        (30.12, 31.22), (30.57, 31.51), (30.85, 31.85), (31.00, 32.25), (31.05, 32.45)),
        start_on="nile"),
    River("nile_phatnitic", "Nile (Phatnitic branch)", (
        (30.12, 31.22), (30.47, 31.18), (31.04, 31.38), (31.42, 31.81)),
        start_on="nile_pelusiac"),
    River("danube", "Danube", (
        (44.65, 21.60), (44.60, 22.40), (44.30, 22.60), (43.99, 22.88), (43.83, 23.24),
        (43.78, 23.96), (43.75, 24.90), (43.70, 25.35), (43.90, 25.97), (44.20, 27.26),
        (44.34, 28.03), (44.69, 27.95), (45.27, 27.97), (45.43, 28.05), (45.27, 28.46),
        (45.17, 28.80), (45.15, 29.65))),
]

CROSSINGS = [
    Crossing("samosata_ford", "Euphrates ford at Samosata", "ford", "euphrates", (37.53, 38.48)),
    Crossing("zeugma_bridge", "Euphrates bridge at Zeugma", "bridge", "euphrates",
             (37.06, 37.87)),
    Crossing("sarus_bridge", "Sarus bridge at Adana", "bridge", "sarus", (37.00, 35.32)),
    Crossing("pyramus_bridge", "Pyramus bridge at Mopsuestia", "bridge", "pyramus",
             (36.96, 35.63)),
    Crossing("nahrawan_bridge", "Nahrawan bridge", "bridge", "nahrawan", (33.35, 44.70)),
    Crossing("halys_ford", "Halys crossing at Avanos", "ford", "halys", (38.72, 34.85)),
    Crossing("halys_bridge", "Halys bridge on the Satala road", "bridge", "halys",
             (39.98, 37.55)),
    Crossing("tigris_bridge", "Tigris bridge of boats at Nineveh", "bridge", "tigris",
             (36.35, 43.13)),
    Crossing("great_zab_ford", "Great Zab ford", "ford", "great_zab", (36.27, 43.65)),
    Crossing("araxes_bridge", "Araxes bridge at Julfa", "bridge", "araxes", (38.95, 45.63)),
    Crossing("jordan_ford", "Jordan ford at Scythopolis", "ford", "jordan", (32.50, 35.57)),
    Crossing("orontes_bridge", "Orontes bridge at Antioch", "bridge", "orontes", (36.20, 36.16)),
]
