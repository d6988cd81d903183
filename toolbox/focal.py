"""Focal points: the spot of a picture that every crop keeps in frame (no Django).

A focal point is two percentages of the picture, across (x) and down (y), so it survives
resizing. Crops made on the server (the 1200x630 share image) are centred on it as far as
the picture allows; crops made by the browser (object-fit: cover) use it as
`object-position`, which keeps the point inside the visible part whatever the box's shape.
"""

CENTRE = 50


def clamp_percent(value: float | None) -> int:
    """A whole percentage from 0 to 100; an empty value is the centre."""
    if value is None:
        return CENTRE
    return max(0, min(100, round(value)))


def crop_box(
    width: int,
    height: int,
    target_width: int,
    target_height: int,
    focus_x: float | None = CENTRE,
    focus_y: float | None = CENTRE,
) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the largest part of a `width` x `height` picture with
    the target's proportions, centred on the focal point and moved back inside the picture
    where the point lies near an edge."""
    if min(width, height, target_width, target_height) <= 0:
        raise ValueError("sizes must be positive")
    # The largest box of the target's shape that fits: full width or full height.
    if width * target_height > height * target_width:
        crop_width, crop_height = round(height * target_width / target_height), height
    else:
        crop_width, crop_height = width, round(width * target_height / target_width)
    crop_width, crop_height = min(crop_width, width), min(crop_height, height)
    left = _start(width, crop_width, clamp_percent(focus_x))
    top = _start(height, crop_height, clamp_percent(focus_y))
    return left, top, left + crop_width, top + crop_height


def _start(length: int, part: int, percent: int) -> int:
    centre = length * percent / 100
    return max(0, min(length - part, round(centre - part / 2)))


def cover_box(
    width: int,
    height: int,
    box_width: int,
    box_height: int,
    focus_x: float | None = CENTRE,
    focus_y: float | None = CENTRE,
) -> tuple[float, float, float, float]:
    """The part of the picture (left, top, right, bottom, in its pixels) that a browser
    shows in a box of that shape with `object-fit: cover` and `object-position` at the
    focal point's percentages: what a reader sees of a card's picture."""
    scale = max(box_width / width, box_height / height)
    shown_width, shown_height = box_width / scale, box_height / scale
    left = (width - shown_width) * clamp_percent(focus_x) / 100
    top = (height - shown_height) * clamp_percent(focus_y) / 100
    return left, top, left + shown_width, top + shown_height


def position_class(focus_x: float | None, focus_y: float | None) -> str:
    """The classes that give an <img> its object-position (see `stylesheet`): a strict
    content security policy refuses style attributes, so each percentage is a class."""
    return f"focus-x-{clamp_percent(focus_x)} focus-y-{clamp_percent(focus_y)}"


def stylesheet() -> str:
    """The CSS behind `position_class`: one custom property per percentage."""
    lines = [
        "/* Made by toolbox.focal.stylesheet(); a test checks that this file matches it. */",
        "/* The focal point of a picture that the browser crops (object-fit: cover). */",
        "img[class*='focus-'] {",
        "  object-position: var(--focus-x, 50%) var(--focus-y, 50%);",
        "}",
    ]
    for axis in ("x", "y"):
        lines += [f".focus-{axis}-{p} {{ --focus-{axis}: {p}%; }}" for p in range(101)]
    return "\n".join(lines) + "\n"
