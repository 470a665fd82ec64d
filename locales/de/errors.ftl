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
