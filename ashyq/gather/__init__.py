"""The browser measurement stage: loads a body's pages in Chromium and takes the measurements the
checks read (axe-core, focus, motion, zoom, phone emulation), storing them as evidence before the
checks run.
"""
