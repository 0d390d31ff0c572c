"""Open normative legal acts (2025 Tables 4–5; 2017 Appendix 12 NPA parameters) from legalacts.egov.kz."""
