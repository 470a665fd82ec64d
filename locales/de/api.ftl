## Fehler der Partner-API (Problem Details): ein Titel je Fehlerart und was passiert ist.

api-problem-not-found-title = Nicht gefunden
api-problem-not-found = Unter dieser Adresse gibt es nichts, oder es ist nicht öffentlich.
api-problem-forbidden-title = Nicht erlaubt
api-problem-forbidden = Diese Anfrage ist nicht erlaubt.
api-problem-bad-request-title = Ungültige Anfrage
api-problem-bad-request = Die Anfrage konnte nicht verstanden werden.
api-problem-invalid-title = Ungültige Parameter
api-problem-invalid = Einige Parameter oder Felder wurden abgelehnt; jedes ist mit dem Grund aufgeführt.
api-problem-too-large-title = Zu groß
api-problem-too-large = Der Inhalt der Anfrage ist größer, als dieser Endpunkt annimmt.
api-problem-method-not-allowed-title = Methode nicht erlaubt
api-problem-method-not-allowed = Diese Adresse nimmt diese Methode nicht an; der Allow-Header nennt die angenommenen.
api-problem-unavailable-title = Vorübergehend nicht verfügbar
api-problem-unavailable = Der Dienst ist ausgelastet. Versuchen Sie es nach der Zeit im Retry-After-Header erneut.
api-problem-internal-title = Interner Fehler
api-problem-internal = Auf dem Server ist ein unerwarteter Fehler aufgetreten. Versuchen Sie es später erneut.

## Warum ein Parameter oder Feld abgelehnt wurde.
api-invalid-value = „{ $value }“ ist kein Wert, den dieser Parameter annimmt.
api-invalid-unknown = Dieser Parameter ist hier unbekannt.
api-invalid-limit = „{ $value }“ ist keine Zahl von 1 bis 100.
api-invalid-cursor = Dieser Cursor stammt nicht von dieser Liste mit diesen Parametern: beginnen Sie ohne ihn neu.
