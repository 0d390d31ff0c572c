"""The browser gather step of the accessibility and mobile checks (``checks.browser.gather``)."""
