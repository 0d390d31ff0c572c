"""Base types and language tools every stage shares: statuses and languages, Kazakh and Russian text
and dates, the working-day calendar, the Appendix 9 report forms.
"""
