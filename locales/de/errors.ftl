## Error pages.

error-not-found-title = Seite nicht gefunden
error-not-found = Die gesuchte Seite existiert nicht oder wurde entfernt.
error-forbidden-title = Zugriff verweigert
error-forbidden = Dazu sind Sie nicht berechtigt.
error-login-required-title = Anmeldung erforderlich
error-login-required = Bitte melden Sie sich an, um fortzufahren.
error-two-factor-required-title = Zwei-Faktor-Anmeldung erforderlich
error-two-factor-required = Ihre Rolle erfordert die Anmeldung mit einem zweiten Faktor. Schalten Sie ihn ein, um fortzufahren.
error-bad-request-title = Ungültige Anfrage
error-bad-request = Die Anfrage konnte nicht verarbeitet werden.
error-unavailable-title = Vorübergehend nicht verfügbar
error-unavailable = Der Dienst ist gerade überlastet. Bitte versuchen Sie es in einem Moment erneut.
error-too-large-title = Zu groß
error-too-large = Die gesendeten Daten sind größer, als dieses Formular annimmt.
error-invalid-title = Nicht angenommen
error-invalid = Ein Teil des Gesendeten wurde nicht angenommen.
error-method-not-allowed-title = Hier nicht möglich
error-method-not-allowed = Diese Adresse nimmt diese Art von Anfrage nicht an.
error-internal-title = Da ist etwas schiefgelaufen
error-internal = Bei uns ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.
error-reference = Wenn Sie uns davon berichten, nennen Sie bitte diese Kennung: { $id }
error-search-jobs = Jobs suchen
error-home = Startseite

## Uploads
upload-error-cv-empty = Die Datei ist leer. Bitte wählen Sie Ihren Lebenslauf erneut aus.
upload-error-cv-too-large = Die Datei ist größer als 10 MB. Bitte wählen Sie eine kleinere Datei.
upload-error-cv-wrong-type = Diese Datei ist kein PDF-, DOCX- oder ODT-Dokument. Bitte wählen Sie Ihren Lebenslauf in einem dieser Formate.
upload-error-cv-corrupt = Diese Datei scheint beschädigt zu sein. Bitte exportieren Sie Ihren Lebenslauf neu und wählen Sie die neue Datei.
upload-error-cut-short = Ihre Datei war zu groß, daher konnte der Rest des Formulars nicht gelesen werden. Bitte prüfen Sie Ihre Angaben und wählen Sie eine kleinere Datei.
upload-error-logo-empty = Die Datei ist leer. Bitte wählen Sie das Bild erneut aus.
upload-error-logo-too-large = Das Bild ist größer als 5 MB. Bitte wählen Sie ein kleineres.
upload-error-logo-cut-short = Das Bild ist größer als 5 MB, daher wurden die Felder danach nicht gelesen: Sie zeigen die gespeicherten Werte. Bitte prüfen Sie sie und wählen Sie ein kleineres Bild.
upload-error-logo-wrong-type = Diese Datei ist kein PNG-, JPEG-, WebP- oder GIF-Bild.
upload-error-logo-corrupt = Dieses Bild scheint beschädigt zu sein. Bitte speichern Sie es neu und wählen Sie die neue Datei.
upload-error-logo-svg = SVG-Bilder werden nicht angenommen (sie können Skripte enthalten). Bitte wählen Sie eine PNG- oder WebP-Version.
upload-error-logo-dimensions = Das Bild ist größer als 4096 × 4096 Pixel. Bitte wählen Sie ein kleineres.
error-unsupported-media-type-title = Format nicht unterstützt
error-unsupported-media-type = Diese Adresse nimmt keine Daten in diesem Format an.
error-not-acceptable-title = Nicht annehmbar
error-not-acceptable = Diese Adresse kann nicht im gewünschten Format antworten.
error-status-conflict-title = Jetzt nicht möglich
error-status-conflict = Der Status des Eintrags erlaubt diese Änderung nicht.
error-stage-conflict-title = Jetzt nicht möglich
error-stage-conflict = Die Phase der Bewerbung erlaubt diesen Schritt nicht.
