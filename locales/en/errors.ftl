## Error pages.

error-not-found-title = Page not found
error-not-found = The page you are looking for does not exist or has been removed.
error-forbidden-title = Not allowed
error-forbidden = You are not allowed to do this.
error-login-required-title = Sign-in required
error-login-required = Please sign in to continue.
error-two-factor-required-title = Two-factor sign-in required
error-two-factor-required = Your role must sign in with a second factor. Turn it on to continue.
error-bad-request-title = Bad request
error-bad-request = The request could not be understood.
error-unavailable-title = Temporarily unavailable
error-unavailable = The service is busy right now. Please try again in a moment.
error-too-large-title = Too large
error-too-large = What was sent is larger than this form takes.
error-invalid-title = Not accepted
error-invalid = Some of what was sent was not accepted.
error-method-not-allowed-title = Not possible here
error-method-not-allowed = This address does not take this kind of request.
error-internal-title = Something went wrong
error-internal = An unexpected error occurred on our side. Please try again later.
error-reference = If you tell us about it, please mention this reference: { $id }
error-search-jobs = Search jobs
error-home = Home page

## Uploads
upload-error-cv-empty = The file is empty. Please choose your CV again.
upload-error-cv-too-large = The file is larger than 10 MB. Please choose a smaller one.
upload-error-cv-wrong-type = This file is not a PDF, DOCX or ODT document. Please choose your CV in one of these formats.
upload-error-cv-corrupt = This file seems to be damaged. Please export your CV again and choose the new file.
upload-error-cut-short = Your file was too large, so the rest of the form could not be read. Please check your details and choose a smaller file.
upload-error-logo-empty = The file is empty. Please choose the image again.
upload-error-logo-too-large = The image is larger than 5 MB. Please choose a smaller one.
upload-error-logo-cut-short = The image is larger than 5 MB, so the fields after it were not read: they show what is saved. Please check them and choose a smaller image.
upload-error-logo-wrong-type = This file is not a PNG, JPEG, WebP or GIF image.
upload-error-logo-corrupt = This image seems to be damaged. Please save it again and choose the new file.
upload-error-logo-svg = SVG images are not accepted (they can carry scripts). Please choose a PNG or WebP version.
upload-error-logo-dimensions = The image is larger than 4096 × 4096 pixels. Please choose a smaller one.
error-unsupported-media-type-title = Unsupported format
error-unsupported-media-type = This address does not take data in this format.
error-not-acceptable-title = Not acceptable
error-not-acceptable = This address cannot answer in the format asked for.
error-status-conflict-title = Not possible now
error-status-conflict = The record's status does not allow this change.
error-stage-conflict-title = Not possible now
error-stage-conflict = The application's stage does not allow this move.
