"""Benchmarks: each prints its figures next to a peer measured in the same run, as a ratio.

``python -m benchmarks`` runs every ``*_bench.py`` module of this package (its ``main()``);
``python -m benchmarks score`` runs only those whose name starts with ``score``.
"""
