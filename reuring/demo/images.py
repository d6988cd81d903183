"""Placeholder pictures for the demo content, drawn with Pillow only (no Django, no downloads).

Every picture is deterministic: the same seed gives the same pixels, so the demo looks the
same on every machine. Text drawn into a picture is returned to the caller's alt text.
"""

import io
import random
import zlib
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

BANNER_SIZE = (1600, 900)
PORTRAIT_SIZE = (640, 640)
COVER_SIZE = (600, 848)  # A4 proportions.

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    """Two background colours and accents; `description` is Dutch, for alt texts."""

    description: str
    start: RGB
    end: RGB
    accents: tuple[RGB, ...]


PALETTES = (
    Palette(
        "donkerblauw en koraal", (18, 42, 84), (44, 92, 140), ((240, 120, 96), (255, 196, 150))
    ),
    Palette("groen en geel", (16, 84, 72), (58, 140, 104), ((246, 206, 88), (208, 236, 170))),
    Palette("paars en roze", (62, 34, 102), (128, 58, 132), ((246, 140, 170), (255, 210, 224))),
    Palette("blauw en oranje", (14, 72, 122), (30, 124, 170), ((248, 152, 54), (255, 224, 160))),
    Palette("donkerrood en zand", (112, 30, 44), (168, 64, 58), ((242, 200, 140), (255, 236, 204))),
    Palette("petrol en mint", (10, 70, 86), (22, 120, 128), ((150, 232, 200), (244, 250, 214))),
    Palette("antraciet en geel", (36, 40, 48), (70, 78, 92), ((250, 204, 60), (240, 240, 232))),
    Palette("indigo en turquoise", (34, 38, 110), (52, 84, 168), ((80, 214, 210), (200, 244, 240))),
)


def palette_for(seed: str) -> Palette:
    """The same palette for the same seed, on every machine and every run."""
    return PALETTES[zlib.crc32(seed.encode()) % len(PALETTES)]


def banner(seed: str, label: str, palette: Palette) -> bytes:
    """A 1600x900 JPEG: a gradient, soft circles, rings and a band of dots, with `label`."""
    rng = random.Random(seed)
    width, height = BANNER_SIZE
    image = _gradient(BANNER_SIZE, palette.start, palette.end, angle=rng.uniform(0, 360))

    # Soft light behind everything, in a lighter shade of the background: depth without mud.
    glow = Image.new("RGBA", BANNER_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(glow)
    for _ in range(rng.randint(2, 4)):
        radius = rng.randint(220, 460)
        centre = (rng.randint(0, width), rng.randint(0, height))
        draw.ellipse(
            _box(centre, radius), fill=(*_lighter(palette.end, 0.35), rng.randint(70, 120))
        )
    image.alpha_composite(glow.filter(ImageFilter.GaussianBlur(60)))

    shapes = Image.new("RGBA", BANNER_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    # One large solid disc, partly off the canvas, carries the composition.
    radius = rng.randint(300, 420)
    centre = (rng.randint(width - 560, width - 160), rng.choice((rng.randint(-120, 120), height)))
    draw.ellipse(_box(centre, radius), fill=(*palette.accents[0], 255))
    for _ in range(rng.randint(2, 3)):
        radius = rng.randint(80, 220)
        centre = (rng.randint(width // 3, width - 100), rng.randint(80, height - 80))
        draw.ellipse(
            _box(centre, radius), outline=(*palette.accents[1], 220), width=rng.choice((8, 14))
        )
    _dots(draw, rng, palette)
    image.alpha_composite(shapes)

    _label(image, label, palette)
    return _jpeg(image)


# Where a drawn picture's focal point lies, in percentages (see toolbox.focal): the head of
# a portrait; in a banner the start of its label, so cropped cards read the whole word.
PORTRAIT_FOCUS = (50, 36)
LABEL_FONT_SIZE, LABEL_MARGIN, LABEL_PADDING = 96, 96, 40


def banner_focus(label: str) -> tuple[int, int]:
    """The focal point of `banner(..., label, ...)`: the left end of its label, halfway up."""
    width, height = BANNER_SIZE
    _, top, _, bottom = label_box(label)
    return round(100 * LABEL_MARGIN / width), round(100 * (top + bottom) / 2 / height)


def label_box(label: str) -> tuple[int, int, int, int]:
    """Where `banner` draws the band behind its label (left, top, right, bottom)."""
    font = ImageFont.load_default(size=LABEL_FONT_SIZE)
    left, top, right, bottom = (
        round(edge)
        for edge in ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((0, 0), label, font=font)
    )
    height = BANNER_SIZE[1]
    return (
        0,
        height - LABEL_MARGIN - (bottom - top) - 2 * LABEL_PADDING,
        LABEL_MARGIN + right + LABEL_PADDING,
        height - LABEL_MARGIN,
    )


def portrait(seed: str, initials: str, palette: Palette) -> bytes:
    """A 640x640 JPEG placeholder: a head-and-shoulders silhouette above the initials."""
    rng = random.Random(seed)
    width, height = PORTRAIT_SIZE
    image = _gradient(PORTRAIT_SIZE, palette.start, palette.end, angle=rng.uniform(0, 360))
    draw = ImageDraw.Draw(image)
    figure = (*palette.accents[-1], 235)
    draw.ellipse(_box((width // 2, int(height * 0.36)), int(width * 0.17)), fill=figure)
    draw.rounded_rectangle(
        (int(width * 0.18), int(height * 0.58), int(width * 0.82), int(height * 1.1)),
        radius=int(width * 0.2),
        fill=figure,
    )
    font = ImageFont.load_default(size=int(height * 0.13))
    draw.text(
        (width // 2, int(height * 0.8)),
        initials,
        font=font,
        fill=(*palette.start, 255),
        anchor="mm",
    )
    return _jpeg(image)


def cover(seed: str, title: str) -> bytes:
    """A portrait JPEG cover: a two-colour field, a band of dots and the title."""
    palette = palette_for(seed)
    rng = random.Random(seed)
    width, height = COVER_SIZE
    image = Image.new("RGB", COVER_SIZE, palette.start)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(height * 0.62), width, height), fill=palette.end)
    draw.ellipse(
        (width - 340, -120 + rng.randint(0, 80), width + 140, 360), fill=palette.accents[0]
    )
    for column in range(8):
        for row in range(3):
            x, y = 60 + column * 30, int(height * 0.68) + row * 30
            draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=palette.accents[-1])
    draw.text(
        (60, int(height * 0.42)), "WHITEPAPER", font=ImageFont.load_default(size=28), fill="white"
    )
    draw.text((60, int(height * 0.48)), title, font=ImageFont.load_default(size=56), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def _gradient(size, start: RGB, end: RGB, *, angle: float) -> Image.Image:
    width, height = size
    side = int((width**2 + height**2) ** 0.5) + 2
    mask = Image.linear_gradient("L").resize((side, side)).rotate(angle)
    left, top = (side - width) // 2, (side - height) // 2
    mask = mask.crop((left, top, left + width, top + height))
    return Image.composite(
        Image.new("RGBA", size, (*end, 255)), Image.new("RGBA", size, (*start, 255)), mask
    )


def _dots(draw: ImageDraw.ImageDraw, rng: random.Random, palette: Palette) -> None:
    """A small grid of dots, a recurring motif that keeps the pictures recognisable."""
    columns, rows, gap = rng.randint(5, 9), rng.randint(3, 5), 34
    origin = (rng.randint(900, 1600 - columns * gap), rng.randint(60, 300))
    colour = (*palette.accents[-1], 170)
    for column in range(columns):
        for row in range(rows):
            centre = (origin[0] + column * gap, origin[1] + row * gap)
            draw.ellipse(_box(centre, 5), fill=colour)


def _label(image: Image.Image, text: str, palette: Palette) -> None:
    """White text on a dark band at the bottom left, with an accent bar above it."""
    if not text.isascii():
        # Pillow's built-in font has no accented letters: they would show as empty boxes.
        raise ValueError(f"Picture labels must be plain ASCII, not {text!r}.")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=LABEL_FONT_SIZE)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    margin, padding = LABEL_MARGIN, LABEL_PADDING
    band = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(band).rectangle(label_box(text), fill=(*palette.start, 190))
    image.alpha_composite(band)
    baseline = 900 - margin - padding
    draw.rectangle(
        (margin, baseline - (bottom - top) - 28, margin + 120, baseline - (bottom - top) - 16),
        fill=(*palette.accents[0], 255),
    )
    draw.text((margin, baseline), text, font=font, fill=(255, 255, 255, 255), anchor="ls")


def _lighter(colour: RGB, amount: float) -> RGB:
    red, green, blue = (round(channel + (255 - channel) * amount) for channel in colour)
    return (red, green, blue)


def _box(centre, radius: int) -> tuple[int, int, int, int]:
    x, y = centre
    return (x - radius, y - radius, x + radius, y + radius)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()
