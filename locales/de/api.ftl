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
api-invalid-place = Keine Stadt dieses Namens hat hier Stellen: geben Sie stattdessen Koordinaten als lat,lon an.

## Tokens: refusals of a protected request.
api-problem-unauthorized-title = Token erforderlich
api-problem-unauthorized = Diese Anfrage braucht ein API-Token im Header „Authorization: Bearer hb_…“.
api-problem-invalid-token-title = Ungültiges Token
api-problem-invalid-token = Dieses Token ist hier nicht bekannt oder wurde widerrufen.
api-problem-token-expired-title = Token abgelaufen
api-problem-token-expired = Dieses Token ist abgelaufen. Lassen Sie sich im Backoffice ein neues geben.
api-problem-token-in-query-title = Token in der Adresse
api-problem-token-in-query = Tokens werden nur im Authorization-Header angenommen. Ein in einer Adresse gesendetes Token kann jetzt in Protokollen stehen: Widerrufen Sie es und erstellen Sie ein neues.
api-problem-insufficient-scope-title = Fehlende Berechtigung
api-problem-insufficient-scope = Diesem Token fehlt die Berechtigung „{ $scope }“, die diese Anfrage braucht.
api-problem-rate-limited-title = Zu viele Anfragen
api-problem-rate-limited = Dieses Token hat mehr Anfragen gestellt, als sein Limit erlaubt. Versuchen Sie es nach der Zeit im Header Retry-After erneut.

## What each scope of a token allows.
api-scope-jobs-read = alle Stellenanzeigen seines Unternehmens lesen, auch Entwürfe
api-scope-jobs-write = Stellenanzeigen anlegen, ändern, veröffentlichen und archivieren
api-scope-applications-read = Bewerbungen lesen und Lebensläufe herunterladen
api-scope-applications-write = Bewerbungen durch den Ablauf bewegen, im Namen von Kandidaten bewerben
api-scope-webhooks-write = Webhook-Endpunkte verwalten

## Writes: refusals of a request's body.
api-problem-unsupported-media-type-title = Medientyp nicht unterstützt
api-problem-unsupported-media-type = Senden Sie den Inhalt in dem Typ, den dieser Endpunkt annimmt: JSON („Content-Type: application/json“) oder ein Formular, wo eine Datei gesendet wird.
api-problem-not-acceptable-title = Nicht annehmbar
api-problem-not-acceptable = Diese API antwortet nur in JSON; der Accept-Header verlangt etwas anderes.
api-problem-status-conflict-title = Statuskonflikt
api-problem-status-conflict = Der Status der Stellenanzeige erlaubt diese Änderung nicht (ein Entwurf kann zum Beispiel nicht archiviert werden).
api-invalid-unknown-field = Dieses Feld ist hier nicht bekannt.
api-invalid-type = Kein Wert vom Typ dieses Feldes ({ $value }).
api-invalid-json = Der Inhalt ist kein gültiges JSON (Zeile:Spalte { $value }).
api-invalid-company = Dieses Token veröffentlicht nur für sein eigenes Unternehmen.
api-problem-stage-conflict-title = Phasenkonflikt
api-problem-stage-conflict = Der Ablauf erlaubt diesen Schritt aus der Phase der Bewerbung nicht.
api-invalid-reason = Eine Absage braucht ihren Grund.
api-invalid-reason-length = Höchstens { $max } Zeichen.

## Applying on a candidate's behalf, and idempotency keys.
api-problem-job-closed-title = Stellenanzeige geschlossen
api-problem-job-closed = Diese Stellenanzeige nimmt keine Bewerbungen an: Sie ist nicht veröffentlicht, oder ihre Bewerbungsfrist ist abgelaufen.
api-problem-application-duplicate-title = Bereits beworben
api-problem-application-duplicate = Mit dieser E-Mail-Adresse wurde sich auf diese Stellenanzeige bereits beworben.
api-problem-idempotency-in-flight-title = Anfrage in Bearbeitung
api-problem-idempotency-in-flight = Eine Anfrage mit diesem Idempotency-Key wird noch beantwortet. Senden Sie sie gleich noch einmal, um ihre Antwort zu erhalten.
api-invalid-not-a-file = Senden Sie dieses Feld als Datei-Teil eines multipart/form-data-Inhalts.
api-invalid-idempotency-key = Ein Schlüssel besteht aus 1 bis 255 sichtbaren ASCII-Zeichen, etwa einer UUID.
api-invalid-idempotency-reused = Dieser Schlüssel wurde in den letzten 24 Stunden für eine andere Anfrage verwendet: Nehmen Sie für jede Anfrage einen neuen Schlüssel.

## The API reference page (/api/docs).
api-docs-title = API-Referenz
api-docs-intro = Die Partner-API von Hireboard: veröffentlichte Stellenanzeigen für alle, und mit einem Token das Schreiben von Stellenanzeigen und Lesen von Bewerbungen. JSON hinein und heraus; Fehler sind Problemdokumente in der Sprache von Accept-Language.
api-docs-document = Das maschinenlesbare OpenAPI-3.1-Dokument:
api-docs-endpoints = Endpunkte
api-docs-tokens = Tokens und Limits
api-docs-tokens-text = Senden Sie ein im Backoffice erstelltes Token im Header „Authorization: Bearer hb_…“, nie in einer Adresse. Jedes Token hat Berechtigungen und kann an ein Unternehmen gebunden sein: Dann sieht und ändert es nur dessen Einträge.
api-docs-limits = Jedes Token darf eine begrenzte Zahl von Anfragen pro Minute stellen; die Header RateLimit-Policy und RateLimit nennen den Rest, und ein 429 sagt in Retry-After, wann es weitergeht. Antworten tragen ein ETag: Senden Sie es in If-None-Match zurück, um 304 zu erhalten, wenn sich nichts geändert hat.
api-docs-needs = Braucht ein Token mit der Berechtigung
api-docs-public = Öffentlich: kein Token nötig.
api-docs-parameters = Parameter
api-docs-name = Name
api-docs-type = Typ
api-docs-in = Ort
api-docs-description = Beschreibung
api-docs-required = erforderlich
api-docs-body = Inhalt (JSON):
api-docs-responses = Antworten
api-docs-status = Status
api-docs-problems = Probleme
api-docs-problems-text = Jeder Fehler ist ein Problemdokument nach RFC 9457 (application/problem+json), dessen type die Adresse seines Eintrags hier ist; ein 422 nennt jedes abgelehnte Feld mit dem Grund.
