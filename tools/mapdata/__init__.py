"""Hand-written data for the theatre map; tools/build_map.py turns it into YAML."""

# The grid: 30 km hexes (flat side to flat side), pointy-top, on an
# equirectangular projection true at 37 N.  The origin is the centre of the
# top-left hex; 86 x 71 hexes reach from 21.5 E to about 50.4 E and from
# 45.5 N down to about 29.1 N.
MAP = {
    "id": "theatre",
    "name": "The Eastern Roman and Sasanian Empires, 602-630",
    "hex_km": 30.0,
    "standard_parallel": 37.0,
    "origin_lat": 45.5,
    "origin_lon": 21.5,
    "width": 86,
    "height": 71,
}
