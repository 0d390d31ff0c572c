"""The four Open Government portals of the replica world: one aiohttp application per portal, and their
content under :mod:`.content`.
"""
