"""Uploads by staff: limited while they stream in, then checked, cleaned and renamed."""

import io
import uuid

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from toolbox import focal, imaging
from toolbox.pdfcheck import MAX_PDF_BYTES, PdfRejected, check_pdf
from toolbox.widgets import ImagePreviewInput

# No field takes a larger file than this: the largest of the fields' own limits.
MAX_FILE_BYTES = max(imaging.MAX_UPLOAD_BYTES, MAX_PDF_BYTES)


class OversizedUpload(UploadedFile):
    """What a form gets for a file larger than any field accepts: its name and how large it
    was, and no content (none was kept)."""

    def __init__(self, name: str, content_type: str, size: int):
        super().__init__(io.BytesIO(), name, content_type, size)


class SizeLimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts each file's bytes while the upload streams in.

    Past MAX_FILE_BYTES it passes no more data to the handlers that keep it (in memory or
    in a temporary file), so a 150 MB upload costs at most MAX_FILE_BYTES of disk and no
    memory, and the form gets an OversizedUpload to refuse with its own message.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        return raw_data if self.received <= MAX_FILE_BYTES else None

    def file_complete(self, file_size):
        if self.received <= MAX_FILE_BYTES:
            return None  # small enough: the next handler hands over the file
        # The other handlers hold the start of the file: let go of it now (a temporary
        # file is deleted when closed).
        for handler in self.request.upload_handlers if self.request else ():
            kept = getattr(handler, "file", None) if handler is not self else None
            if kept is not None:
                kept.close()
        return OversizedUpload(self.file_name or "", self.content_type or "", self.received)


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
        # Refused by its size before a byte of it is read into memory.
        if getattr(data, "size", 0) > imaging.MAX_UPLOAD_BYTES:
            raise ValidationError(REJECTION_MESSAGES["too_large_file"], code="too_large_file")
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
    """An ImageField whose admin upload is checked, cleaned and renamed, shown with a
    thumbnail of the current image, and with a focal-point picker where the model has the
    fields `<name>_focus_x` and `<name>_focus_y` (see FocusField)."""

    def formfield(self, **kwargs):
        widget = kwargs.get("widget")
        if widget is None or widget is AdminFileWidget or isinstance(widget, AdminFileWidget):
            kwargs["widget"] = ImagePreviewInput(focal_point=self._has_focal_point())
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})

    def _has_focal_point(self) -> bool:
        names = {field.name for field in self.model._meta.get_fields()}
        return {f"{self.name}_focus_x", f"{self.name}_focus_y"} <= names


FOCUS_X_LABEL = _("focal point across (%)")
FOCUS_Y_LABEL = _("focal point down (%)")
FOCUS_X_HELP = _("0 is the left edge of the image, 50 the middle, 100 the right edge.")
FOCUS_Y_HELP = _("0 is the top of the image, 50 the middle, 100 the bottom.")


class FocusFormField(forms.IntegerField):
    """A percentage from 0 to 100; left empty, it is the middle."""

    def __init__(self, **kwargs):
        kwargs.update(required=False, min_value=0, max_value=100)
        super().__init__(**kwargs)

    def clean(self, value):
        cleaned = super().clean(value)
        return focal.CENTRE if cleaned is None else cleaned


class FocusField(models.PositiveSmallIntegerField):
    """One coordinate of an image's focal point, as a percentage: 0 is the left (or top)
    edge, 100 the right (or bottom) one. See toolbox.focal."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", focal.CENTRE)
        kwargs.setdefault("validators", [MaxValueValidator(100)])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": FocusFormField})


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


PDF_REJECTION_MESSAGES = {
    "too_large": _("This file is larger than 25 MB. Please upload a smaller PDF."),
    "not_a_pdf": _("This file is not a PDF. Please upload the whitepaper as a PDF file."),
    "damaged": _(
        "This PDF is incomplete or damaged. Please save it again as a PDF and upload it again."
    ),
}


def validate_pdf(value) -> None:
    """Model-field validator: a new upload must really be a PDF of at most 25 MB."""
    if not value or getattr(value, "_committed", True):
        return  # Nothing new uploaded: the stored file was checked when it came in.
    upload = value.file
    try:
        check_pdf(upload, upload.size)
    except PdfRejected as rejection:
        raise ValidationError(PDF_REJECTION_MESSAGES[rejection.code], code=rejection.code) from None
    except OSError:
        raise ValidationError(PDF_REJECTION_MESSAGES["damaged"], code="damaged") from None


class PdfFormField(forms.FileField):
    """Private files have no public address to show as "Currently: ...", so no clear box."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(**kwargs)


class PdfField(models.FileField):
    """A FileField for PDFs: checked on upload, stored under a generated name."""

    default_validators = [validate_pdf]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PdfFormField, **kwargs})
