from django import template

from toolbox.renditions import picture_for

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(instance, source, alt, sizes="100vw", eager=False, css_class=""):
    """A responsive <picture> for an image field, from renditions made at upload."""
    return {
        "picture": picture_for(instance, source),
        "alt": alt,
        "sizes": sizes,
        "eager": eager,
        "css_class": css_class,
    }
