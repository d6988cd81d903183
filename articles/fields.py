"""Model and form fields for images uploaded by the redactie."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from articles import imaging

REJECTION_MESSAGES = {
    "too_large_file": _("This file is larger than 10 MB. Please upload a smaller image."),
    "too_many_pixels": _(
        "This image has more than 40 megapixels. Please make it smaller and upload it again."
    ),
    "not_an_image": _(
        "This file is not an image we can read. Please upload a JPEG, PNG, WebP or GIF file."
    ),
    "unsupported_format": _("Please upload a JPEG, PNG, WebP or GIF file."),
}


class CleanImageFormField(forms.ImageField):
    """Accepts only real images within our limits and strips their EXIF data."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        raw = b"".join(data.chunks()) if hasattr(data, "chunks") else data.read()
        try:
            cleaned = imaging.clean_image(raw)
        except imaging.ImageRejected as rejection:
            raise ValidationError(REJECTION_MESSAGES[rejection.code], code=rejection.code) from None
        upload = SimpleUploadedFile(
            f"upload.{cleaned.extension}",
            cleaned.content,
            content_type=f"image/{cleaned.extension}",
        )
        return super().to_python(upload)


class CleanImageField(models.ImageField):
    """An ImageField whose admin upload is checked, cleaned and renamed."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})


@deconstructible
class GeneratedName:
    """upload_to: a random name, so uploads never reveal or clash on file names."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        return f"{self.folder}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, GeneratedName) and other.folder == self.folder
