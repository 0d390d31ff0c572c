"""Appendix 15 and Table 7: completeness and currency of the website's information, recognised in the
harvested pages.
"""
