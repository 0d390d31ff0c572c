"""Appendix 14 (2017 edition): accessibility of the official website — navigation, materials, visual
accessibility, interactive means.
"""
