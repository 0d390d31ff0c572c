"""Everything that leaves the machine: the egress policy (which addresses may be contacted), the base-
URL map of replica mode, and the one place Chromium is launched.
"""
