"""Appendix 16 (2017 edition): the mobile version — its coefficient, the link back to the full version,
its sections.
"""
