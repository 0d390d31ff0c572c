"""The items the methodology takes from the body's own report (Appendix 9): findings from the
declaration and the verdicts of its re-verification.
"""
