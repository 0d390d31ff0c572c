"""The contrast decision from pixels (``ashyq.gather.contrast.judge``), on colours alone."""

from __future__ import annotations

from ashyq.gather.contrast import judge

TEXT = {"letters": True, "length": 20, "named_otherwise": False, "size": 16, "weight": 400, "opacity": 1}


def test_letters_the_colour_of_everything_behind_them_are_not_visible_text() -> None:
    white = judge([(255, 255, 255)] * 50, {**TEXT, "color": "rgb(255, 255, 255)"})
    assert white.outcome == "passed" and white.why.startswith("not visible")


def test_grey_on_white_still_fails_and_black_on_white_passes() -> None:
    assert judge([(255, 255, 255)] * 50, {**TEXT, "color": "rgb(170, 170, 170)"}).outcome == "failed"
    assert judge([(255, 255, 255)] * 50, {**TEXT, "color": "rgb(0, 0, 0)"}).outcome == "passed"
