"""The crop maths of focal points; plain functions, no Django."""

from pathlib import Path

import pytest

from toolbox import focal

SHARE = (1200, 630)


def contains(box, point, margin=1e-6):
    left, top, right, bottom = box
    x, y = point
    return left - margin <= x <= right + margin and top - margin <= y <= bottom + margin


def test_without_a_focal_point_the_crop_is_centred():
    assert focal.crop_box(1600, 900, 900, 900) == (350, 0, 1250, 900)
    assert focal.crop_box(600, 848, *SHARE) == (0, 266, 600, 581)


def test_the_crop_is_centred_on_the_focal_point_when_the_picture_allows_it():
    left, top, right, bottom = focal.crop_box(2000, 1000, 1000, 1000, focus_x=40, focus_y=50)
    assert (left + right) / 2 == 800
    assert (top, bottom) == (0, 1000)


def test_a_focal_point_near_an_edge_moves_the_crop_to_that_edge_not_beyond():
    assert focal.crop_box(1600, 900, 3, 2, focus_x=5, focus_y=80) == (0, 0, 1350, 900)
    assert focal.crop_box(1600, 900, 3, 2, focus_x=100, focus_y=0) == (250, 0, 1600, 900)
    assert focal.crop_box(640, 1000, 1, 1, focus_x=50, focus_y=0) == (0, 0, 640, 640)
    assert focal.crop_box(640, 1000, 1, 1, focus_x=50, focus_y=100) == (0, 360, 640, 1000)


def test_the_crop_has_the_targets_shape_and_is_as_large_as_possible():
    left, top, right, bottom = focal.crop_box(1600, 900, *SHARE, focus_x=10, focus_y=80)
    assert right - left == 1600
    assert bottom - top == 840
    assert abs((right - left) / (bottom - top) - 1200 / 630) < 0.01


@pytest.mark.parametrize("size", [(1600, 900), (600, 848), (640, 640), (3000, 200), (7, 5)])
@pytest.mark.parametrize("target", [SHARE, (1, 1), (3, 2), (2, 3)])
@pytest.mark.parametrize("focus", [(0, 0), (10, 80), (50, 50), (99, 1), (100, 100), (33, 67)])
def test_every_crop_keeps_the_focal_point_in_frame_and_stays_inside_the_picture(
    size, target, focus
):
    width, height = size
    box = focal.crop_box(width, height, *target, *focus)
    left, top, right, bottom = box
    assert 0 <= left < right <= width
    assert 0 <= top < bottom <= height
    assert contains(box, (width * focus[0] / 100, height * focus[1] / 100))


@pytest.mark.parametrize("size", [(1600, 900), (600, 848), (640, 640), (3000, 200)])
@pytest.mark.parametrize("box", [(3, 2), (1, 1), (16, 9), (2, 3)])
@pytest.mark.parametrize("focus", [(0, 0), (10, 80), (50, 50), (99, 1), (100, 100)])
def test_a_browser_crop_at_the_focal_points_position_keeps_it_in_view(size, box, focus):
    width, height = size
    shown = focal.cover_box(width, height, *box, *focus)
    assert contains(shown, (width * focus[0] / 100, height * focus[1] / 100))
    left, top, right, bottom = shown
    assert abs((right - left) / (bottom - top) - box[0] / box[1]) < 0.01


def test_a_browser_crop_shows_the_same_part_as_object_position():
    # A 1600x900 picture in a 3:2 card with object-position 10% 80%: 1350 of its 1600
    # pixels fit across, and 10 % of the 250 cut off comes off the left.
    assert focal.cover_box(1600, 900, 300, 200, 10, 80) == (25.0, 0.0, 1375.0, 900.0)


def test_an_empty_or_wild_focal_point_is_read_as_a_percentage():
    assert focal.clamp_percent(None) == 50
    assert focal.clamp_percent(-20) == 0
    assert focal.clamp_percent(250) == 100
    assert focal.clamp_percent(33.4) == 33


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        focal.crop_box(0, 900, 1, 1)


def test_the_position_classes_name_each_percentage():
    assert focal.position_class(10, 80) == "focus-x-10 focus-y-80"
    assert focal.position_class(None, None) == "focus-x-50 focus-y-50"


def test_the_static_stylesheet_is_the_one_the_code_makes():
    path = Path(focal.__file__).parent / "static" / "toolbox" / "focal-point.css"
    css = path.read_text()
    assert css == focal.stylesheet()
    assert ".focus-x-10 { --focus-x: 10%; }" in css
    assert ".focus-y-100 { --focus-y: 100%; }" in css
