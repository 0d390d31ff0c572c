"""Open budget (2025 Tables 2–3; 2017 Appendix 12 indicator 2) from budget.egov.kz."""
