"""Small helpers shared by the browser tests."""

import re

PHONE = 375
DESKTOP = 1280
HEIGHT = 900


def visit(page, url, width=DESKTOP):
    """Open `url` at a viewport `width` pixels wide and wait until it has loaded."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    return response


def load_all_images(page):
    """Make lazy images load now and wait for them, so full-page screenshots are complete."""
    # evaluate() has no timeout of its own: never wait more than 10 s for an image.
    page.evaluate(
        """() => Promise.race([
            new Promise((done) => setTimeout(done, 10000)),
            Promise.all([...document.images].map((image) => {
                image.loading = "eager";
                return image.complete ? null : new Promise((done) => {
                    image.addEventListener("load", done, {once: true});
                    image.addEventListener("error", done, {once: true});
                });
            })),
        ])"""
    )


def describe_violations(violations):
    """axe-core violations as readable text: rule, impact, help and each failing element."""
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(
            f"\n- {violation['id']} ({violation['impact']}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    * {', '.join(map(str, node['target']))}")
            lines.append(f"      {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", "\n        ")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def _luminance(css_color):
    red, green, blue, *alpha = (float(part) for part in re.findall(r"[\d.]+", css_color))
    if alpha and alpha[0] < 1:
        raise ValueError(f"{css_color} is (partly) transparent")

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(color, background):
    """The WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)")."""
    lighter, darker = sorted((_luminance(color), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
