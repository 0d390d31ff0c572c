"""Open dialogue (2025 Table 6; 2017 Appendix 12 indicator 4) from dialog.egov.kz."""
