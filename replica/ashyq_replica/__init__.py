"""The replica world: local servers imitating www.gov.kz, the four Open Government portals and
the classic websites of some bodies, so that demo, tests and benchmarks run with no network."""
