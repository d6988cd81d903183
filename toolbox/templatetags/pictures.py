from django import template

from toolbox.renditions import picture_for

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(instance, source, alt, sizes="100vw", eager=False, css_class=""):
    """A responsive <picture> for an image field, from renditions made at upload: AVIF and
    WebP sources, then the JPEG; the focal point as object-position classes."""
    found = picture_for(instance, source)
    position = found.position_class if found else ""
    return {
        "picture": found,
        "alt": alt,
        "sizes": sizes,
        "eager": eager,
        "classes": " ".join(name for name in (css_class, position) if name),
    }
