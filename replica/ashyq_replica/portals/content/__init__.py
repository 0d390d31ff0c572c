"""What the replica portals serve about each body, generated from the world's seed and dated relative
to its clock.
"""
