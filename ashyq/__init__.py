"""ashyq: the openness auditor: harvest, browser measurements, checks, scores, reports, the store."""

import os as _os

__version__ = "0.1.0"

# ASHYQ_SOCKET_GUARD=FILE: every process of the project notes each connection the egress module did not
# decide (ashyq.net.socket_guard); the test session sets it, an operator may
if _os.environ.get("ASHYQ_SOCKET_GUARD"):
    from ashyq.net.socket_guard import install_from_environment

    install_from_environment()
