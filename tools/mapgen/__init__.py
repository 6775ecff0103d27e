"""Helpers for tools/build_map.py: grid sampling, painting, edges, routes, output.

Nothing in game/ imports this package; it is only needed to regenerate the
committed map file.
"""
