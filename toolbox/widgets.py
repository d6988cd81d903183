"""Admin widgets of the toolbox: an image upload that shows the current picture and lets
the editor click its focal point."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.utils.translation import gettext_lazy as _

from toolbox.renditions import preview_url


class ImagePreviewInput(AdminFileWidget):
    """The upload field with a thumbnail of the current image instead of only its (random)
    file name. With `focal_point` set, clicking the picture fills the two percentage fields
    of the focal point (static/toolbox/focal-point.js); typing in those fields is the
    keyboard alternative, and moves the marker on the picture."""

    template_name = "toolbox/widgets/image_preview.html"

    def __init__(self, attrs=None, *, focal_point: bool = False):
        super().__init__(attrs)
        self.focal_point = focal_point

    @property
    def media(self):
        if not self.focal_point:
            return forms.Media(css={"all": ["toolbox/focal-point-picker.css"]})
        return forms.Media(
            css={"all": ["toolbox/focal-point-picker.css"]},
            js=["toolbox/focal-point-picker.js"],
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        instance = getattr(value, "instance", None)
        source = getattr(getattr(value, "field", None), "name", None)
        preview = None
        if value and getattr(value, "url", None) and instance is not None and source:
            preview = preview_url(instance, source)
        context["widget"].update(
            {
                "preview_url": preview,
                "focal_point": self.focal_point,
                "focus_x_name": f"{name}_focus_x",
                "focus_y_name": f"{name}_focus_y",
                "preview_label": _("The current image"),
                "picker_help": _(
                    "Click the part of the image that must always stay visible, such as a "
                    "face or a text; crops for cards and shares keep it in view. Or type "
                    "the two percentages below."
                ),
            }
        )
        return context
