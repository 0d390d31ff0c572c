"""The audit pipeline: runs the stages in order under one run (harvest → browser measurements → checks
→ score → reports), reading each stage's output back from the store.
"""
