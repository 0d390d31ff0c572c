"""Open data (2025 Table 1; 2017 Appendix 12 open-data parameters) from data.egov.kz."""
