## Error pages.

error-not-found-title = Seite nicht gefunden
error-not-found = Die gesuchte Seite existiert nicht oder wurde entfernt.
error-forbidden-title = Zugriff verweigert
error-forbidden = Dazu sind Sie nicht berechtigt.
error-login-required-title = Anmeldung erforderlich
error-login-required = Bitte melden Sie sich an, um fortzufahren.
error-bad-request-title = Ungültige Anfrage
error-bad-request = Die Anfrage konnte nicht verarbeitet werden.
error-unavailable-title = Vorübergehend nicht verfügbar
error-unavailable = Der Dienst ist gerade überlastet. Bitte versuchen Sie es in einem Moment erneut.
error-internal-title = Da ist etwas schiefgelaufen
error-internal = Bei uns ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.
error-search-jobs = Jobs suchen
error-home = Startseite

## Uploads
upload-error-cv-empty = Die Datei ist leer. Bitte wählen Sie Ihren Lebenslauf erneut aus.
upload-error-cv-too-large = Die Datei ist größer als 10 MB. Bitte wählen Sie eine kleinere Datei.
upload-error-cv-wrong-type = Diese Datei ist kein PDF-, DOCX- oder ODT-Dokument. Bitte wählen Sie Ihren Lebenslauf in einem dieser Formate.
upload-error-cv-corrupt = Diese Datei scheint beschädigt zu sein. Bitte exportieren Sie Ihren Lebenslauf neu und wählen Sie die neue Datei.
upload-error-cut-short = Ihre Datei war zu groß, daher konnte der Rest des Formulars nicht gelesen werden. Bitte prüfen Sie Ihre Angaben und wählen Sie eine kleinere Datei.
