"""The served application's pages, one module per area (ashyq.web.app.ROUTERS lists them)."""
