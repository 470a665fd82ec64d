## Der Verwaltungsbereich (/admin): in der Sprache der jeweiligen Admin-Person.

admin-title = Hireboard-Verwaltung
admin-nav-label = Verwaltungsbereich
admin-nav-dashboard = Übersicht
admin-nav-jobs = Stellenanzeigen
admin-nav-companies = Unternehmen
admin-nav-skills = Kenntnisse
admin-nav-applications = Bewerbungen
admin-nav-comments = Kommentare
admin-nav-audit-log = Änderungsprotokoll
admin-nav-data-requests = Datenanfragen
admin-nav-admin-users = Admin-Konten
admin-breadcrumbs = Navigationspfad
admin-language = Sprache des Verwaltungsbereichs
admin-language-save = Wechseln
admin-locale-saved = Der Verwaltungsbereich spricht jetzt Deutsch.
admin-logout = Abmelden
admin-logout-everywhere = Überall abmelden
admin-logged-out = Sie wurden abgemeldet.
admin-logged-out-everywhere = { $count ->
    [one] { $count } Sitzung wurde beendet. Sie sind jetzt überall abgemeldet.
   *[other] { $count } Sitzungen wurden beendet. Sie sind jetzt überall abgemeldet.
}
admin-none = Noch keine Einträge.
admin-close = Schließen

admin-shortcuts-title = Tastenkürzel
admin-shortcut-search = Diese Liste durchsuchen
admin-shortcut-new = Neuen Eintrag anlegen
admin-shortcut-help = Diese Hilfe anzeigen

role-admin = Administration
role-editor = Redaktion
role-translator = Übersetzung
role-viewer = Lesezugriff
role-recruiter = Recruiter (Arbeitgeber)

admin-login-title = Anmelden
admin-login-email = E-Mail-Adresse
admin-login-password = Passwort
admin-login-submit = Anmelden
admin-login-invalid = E-Mail-Adresse oder Passwort ist falsch.
admin-login-unverified = Bestätigen Sie zuerst Ihre Adresse: Öffnen Sie den Link, den wir Ihnen bei der Registrierung geschickt haben.
admin-login-locked = Zu viele fehlgeschlagene Versuche: Dieses Konto ist für 15 Minuten gesperrt.
admin-login-rate-limited = Zu viele Anmeldeversuche aus Ihrem Netzwerk. Bitte warten Sie einige Minuten.

admin-dashboard-figures = Kennzahlen
admin-dashboard-open-postings = offene Stellenanzeigen
admin-dashboard-drafts = Entwürfe warten auf Prüfung
admin-dashboard-applications-week = Bewerbungen in dieser Woche
admin-dashboard-chart-title = Veröffentlichte Stellenanzeigen pro Woche
admin-dashboard-chart-summary = { $weeks ->
    [one] In der letzten Woche veröffentlichte Stellenanzeigen: { $count }.
   *[other] In den letzten { $weeks } Wochen veröffentlichte Stellenanzeigen: { $count }.
}
admin-dashboard-top-skills = Gefragte Kenntnisse in offenen Stellenanzeigen
admin-dashboard-recent-applications = Neueste Bewerbungen
admin-col-applicant = Bewerber/in
admin-col-posting = Stellenanzeige
admin-col-stage = Phase
admin-col-received = Eingegangen

admin-new = Neu anlegen
admin-scopes = Schnellfilter
admin-scope-all = Alle
admin-scope-hiring = Mit offenen Stellen
admin-per-page = Pro Seite
admin-apply = Anwenden
admin-index-empty = Keine Einträge entsprechen diesen Filtern.
admin-pagination = Seiten
admin-previous = Zurück
admin-next = Weiter
admin-total-records = { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
admin-filters = Filter
admin-filter-op = Vergleichsart
admin-filter-op-contains = enthält
admin-filter-op-equals = ist gleich
admin-filter-op-starts_with = beginnt mit
admin-filter-any = Beliebig
admin-filter-yes = Ja
admin-filter-no = Nein
admin-filter-from = Von
admin-filter-to = Bis
admin-filter-association-hint = Namen eingeben
admin-filter-apply = Filtern
admin-filter-clear = Filter zurücksetzen

admin-field-title = Titel
admin-field-company = Unternehmen
admin-field-status = Status
admin-field-workplace = Arbeitsmodell
admin-field-city = Stadt
admin-field-country = Land
admin-field-skill = Kenntnis
admin-field-name = Name
admin-field-person-name = Name
admin-field-website = Website
admin-field-has-website = Hat eine Website
admin-field-has-salary = Mit Gehaltsangabe
admin-field-salary-min = Mindestgehalt
admin-field-published-at = Veröffentlicht
admin-field-updated-at = Aktualisiert
admin-field-created-at = Erstellt

status-draft = Entwurf
status-published = Veröffentlicht
status-expired = Abgelaufen
status-filled = Besetzt
status-archived = Archiviert
status-pending_review = In Prüfung
admin-field-email = E-Mail-Adresse
admin-field-role = Rolle
admin-field-locked = Gesperrt
admin-field-last-login = Letzte Anmeldung

admin-view-public = Auf der Website ansehen
admin-panel-posting = Stellenanzeige
admin-panel-dates = Datumsangaben
admin-panel-content = Inhalt
admin-panel-company = Unternehmen
admin-panel-postings = Stellenanzeigen
admin-panel-account = Konto
admin-field-slug = URL-Kürzel
admin-field-language = Sprache
admin-field-salary = Gehalt
admin-field-skills = Kenntnisse
admin-field-valid-through = Ausgeschrieben bis
admin-field-summary = Zusammenfassung
admin-field-responsibilities = Aufgaben
admin-field-requirements = Anforderungen
admin-field-benefits = Leistungen
admin-field-posting = Stellenanzeige
admin-field-size = Unternehmensgröße
admin-field-description = Beschreibung
admin-field-failed-logins = Fehlgeschlagene Anmeldungen in Folge
admin-field-locked-until = Gesperrt bis

admin-comments = Kommentare
admin-comments-none = Noch keine Kommentare.
admin-comment-new = Kommentar hinzufügen
admin-comment-submit = Kommentieren
admin-comment-added = Ihr Kommentar wurde hinzugefügt.
admin-comment-empty = Ein Kommentar darf nicht leer sein.
admin-comment-too-long = Ein Kommentar darf höchstens 5.000 Zeichen lang sein.
admin-comment-former-user = Ehemaliges Konto

admin-history = Verlauf
admin-history-none = Noch keine Änderungen erfasst.
admin-history-field = Feld
admin-history-before = Vorher
admin-history-after = Nachher
admin-history-create = { $actor } hat { $record } angelegt
admin-history-update = { $actor } hat { $record } geändert
admin-history-delete = { $actor } hat { $record } gelöscht
admin-history-status = { $actor } hat den Status von { $record } geändert

admin-confirm = Sind Sie sicher?
admin-action-publish = Veröffentlichen
admin-action-unpublish = Veröffentlichung zurückziehen
admin-action-fill = Als besetzt markieren
admin-action-archive = Archivieren
admin-status-changed = Die Stellenanzeige hat jetzt den Status „{ $status }“.
admin-status-not-allowed = Eine Stellenanzeige mit dem Status „{ $from }“ kann nicht in den Status „{ $to }“ wechseln.

admin-cancel = Abbrechen
admin-action-delete = Löschen
admin-batch-label = Mit den ausgewählten Zeilen
admin-batch-apply = Ausführen
admin-batch-select-all = Alle Zeilen dieser Seite auswählen
admin-batch-select = Zeile auswählen
admin-batch-none-selected = Bitte wählen Sie zuerst mindestens eine Zeile aus.
admin-batch-too-many = Es können höchstens { $max } Zeilen auf einmal geändert werden.
admin-batch-confirm-title = Bitte bestätigen
admin-batch-confirm = { $action }: { $count }?
admin-batch-done = { $action }: { $count } erledigt.
admin-batch-skipped = { $count ->
    [one] { $count } Datensatz blieb unverändert: Die Aktion trifft auf ihn nicht zu.
   *[other] { $count } Datensätze blieben unverändert: Die Aktion trifft auf sie nicht zu.
}
admin-export = Gefilterte Liste herunterladen:
admin-field-id = ID
admin-field-employment-type = Anstellungsart
admin-field-seniority = Erfahrungsstufe
admin-field-salary-max = Höchstgehalt
admin-field-salary-currency = Währung

admin-scope-unused = Unbenutzt
admin-panel-skill = Kenntnis
admin-panel-applicant = Bewerber·in
admin-panel-pipeline = Bewerbungsverlauf
admin-panel-entry = Eintrag
admin-panel-changes = Änderungen
admin-panel-comment = Kommentar
admin-field-phone = Telefon
admin-field-cover-letter = Anschreiben
admin-field-consent-at = Einwilligung erteilt
admin-field-rejection-reason = Grund der Absage
admin-field-when = Wann
admin-field-actor = Wer
admin-field-action = Aktion
admin-field-resource = Art des Datensatzes
admin-field-record = Datensatz
admin-field-author = Verfasser·in
admin-field-comment = Kommentar
admin-audit-action-create = Angelegt
admin-audit-action-update = Geändert
admin-audit-action-delete = Gelöscht
admin-audit-action-status = Status geändert
admin-audit-action-unsubscribe = Abbestellt
application-status-new = Neu
application-status-reviewing = In Prüfung
application-status-interview = Vorstellungsgespräch
application-status-offer = Angebot
application-status-hired = Eingestellt
application-status-rejected = Abgesagt
application-status-withdrawn = Zurückgezogen
admin-stage-to-reviewing = Prüfung beginnen
admin-stage-to-interview = Zum Gespräch einladen
admin-stage-to-offer = Angebot machen
admin-stage-to-hired = Als eingestellt markieren
admin-stage-to-rejected = Absagen
admin-stage-to-withdrawn = Als zurückgezogen markieren
admin-stage-changed = Die Bewerbung ist jetzt im Schritt: { $stage }.
admin-stage-not-allowed = Eine Bewerbung im Schritt „{ $from }“ kann nicht zu „{ $to }“ wechseln.
admin-stage-reason-missing = Bitte geben Sie einen Grund für die Absage an.
admin-stage-reason-too-long = Der Grund darf höchstens { $max } Zeichen lang sein.
admin-board-title = Bewerbungen als Board
admin-board-list = Als Liste anzeigen
admin-board-view = Als Board anzeigen
admin-board-truncated = Es werden nur die neuesten { $max } Bewerbungen gezeigt; filtern Sie, um andere zu sehen.
admin-views = Gespeicherte Ansichten
admin-views-none = Noch keine gespeicherten Ansichten.
admin-view-name = Diese Ansicht speichern als
admin-view-save = Ansicht speichern
admin-view-delete = Gespeicherte Ansicht löschen
admin-view-saved = Die Ansicht „{ $name }“ wurde gespeichert.
admin-view-deleted = Die gespeicherte Ansicht wurde gelöscht.
admin-view-name-missing = Bitte geben Sie der Ansicht einen Namen.
admin-view-name-too-long = Der Name einer Ansicht darf höchstens { $max } Zeichen lang sein.
admin-view-too-many = Sie können höchstens { $max } Ansichten einer Liste speichern.
admin-action-merge = In eine andere Kenntnis zusammenführen
admin-merge-into = Zusammenführen in (Name der Kenntnis, die bleibt)
admin-merge-target-missing = Es gibt keine Kenntnis mit diesem Namen; nichts wurde geändert.
admin-batch-input-missing = Bitte füllen Sie das Feld aus, um fortzufahren.
admin-invite-title = Benutzer·in einladen
admin-invite-intro = Die neue Person erhält einen einmaligen Link, um ein Passwort festzulegen; er gilt 72 Stunden.
admin-invite-submit = Einladung erstellen
admin-invite-done = Einladung erstellt. Senden Sie diesen einmaligen Link an die neue Person (er wird nur jetzt angezeigt): { $link }
admin-invite-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein.
admin-invite-email-taken = Es gibt bereits ein Konto mit dieser E-Mail-Adresse.
admin-password-title = Passwort festlegen
admin-password-new = Neues Passwort (mindestens 12 Zeichen)
admin-password-confirm = Passwort wiederholen
admin-password-submit = Passwort festlegen
admin-password-set = Ihr Passwort ist festgelegt. Sie können sich jetzt anmelden.
password-too-short = Das Passwort braucht mindestens { $min } Zeichen.
password-too-long = Das Passwort darf höchstens { $max } Zeichen haben.
password-common = Dieses Passwort steht auf den Listen häufiger Passwörter, die Angreifer zuerst ausprobieren. Bitte wählen Sie ein anderes.
password-pattern = Tastaturreihen, Wiederholungen und Folgen wie „abc“ oder „1234“ sind leicht zu erraten. Bitte wählen Sie ein anderes Passwort.
password-dates = Jahreszahlen und Daten sind leicht zu erraten. Bitte wählen Sie ein anderes Passwort.
password-words = Einzelne Wörter, Namen und Ihre eigene Adresse sind leicht zu erraten. Mehrere zusammenhanglose Wörter ergeben ein gutes Passwort.
password-guessable = Dieses Passwort ist leicht zu erraten. Mehrere zusammenhanglose Wörter ergeben ein gutes Passwort.
admin-password-mismatch = Die beiden Passwörter stimmen nicht überein.
admin-password-link-invalid = Dieser Link ist abgelaufen oder wurde schon benutzt. Bitten Sie eine Administratorin oder einen Administrator um eine neue Einladung.

## New and edit forms
admin-field-remote-countries = Remote aus
admin-field-latitude = Breitengrad
admin-field-longitude = Längengrad
admin-field-salary-period = Gehaltszeitraum
admin-new-title = { $resource }: neu
admin-edit = Bearbeiten
admin-edit-title = { $record } bearbeiten
admin-form-create = Anlegen
admin-form-save = Änderungen speichern
admin-form-details = Angaben
admin-form-content = Text und Übersetzungen
admin-form-errors = { $count ->
    [one] Ein Feld braucht Ihre Aufmerksamkeit
   *[other] { $count } Felder brauchen Ihre Aufmerksamkeit
}
admin-form-translate-only = Sie können die Übersetzungen ändern. Die übrigen Felder sind für Ihre Rolle schreibgeschützt.
admin-tab-original = { $language } (Original)
admin-tab-original-new = Originaltext
admin-translation-missing = fehlt
admin-translation-outdated = veraltet
admin-translation-current = aktuell
admin-translation-confirm = Diese Übersetzung passt noch zum Original
admin-created = { $resource }: Datensatz angelegt.
admin-saved = Änderungen gespeichert.
admin-deleted = Gelöscht.
admin-delete-title = { $record } löschen
admin-delete-question = „{ $record }“ löschen? Das lässt sich nicht rückgängig machen.
admin-delete-refused-applications = Zu dieser Stelle gibt es Bewerbungen, daher kann sie nicht gelöscht werden. Archivieren Sie sie stattdessen.
admin-delete-refused-postings = Dieses Unternehmen hat Stellen, daher kann es nicht gelöscht werden. Löschen Sie zuerst seine Stellen.
admin-preview = Vorschau
admin-action-duplicate = Duplizieren
admin-duplicated = Eine Kopie wurde als Entwurf angelegt. Prüfen Sie sie vor dem Veröffentlichen.
admin-shortcut-edit = Datensatz bearbeiten
admin-hint-association = Tippen Sie für Vorschläge, oder geben Sie #ID ein.
admin-hint-original-locale = Die Sprache, in der der Text geschrieben ist. Sie lässt sich später nicht ändern.
admin-hint-slug = Die Adresse auf der Website. Leer gelassen, wird sie aus dem Namen gebildet.
admin-hint-remote-countries = Für Remote-Arbeit: Ländercodes, durch Kommas getrennt, etwa DE, AT.
admin-hint-skills = Durch Kommas getrennt, etwa Rust, PostgreSQL.
admin-hint-one-per-line = Ein Punkt pro Zeile.
admin-hint-company-size = Zahl der Beschäftigten, etwa 51-200.
admin-hint-skill-name = Eine Umbenennung ändert die Suchadresse der Fähigkeit.
admin-error-required = Dieses Feld ist erforderlich.
admin-error-too-long = Höchstens { $max } Zeichen.
admin-error-choice = Wählen Sie eine der Optionen.
admin-error-integer = Geben Sie eine ganze Zahl ein.
admin-error-decimal = Geben Sie eine Zahl im erlaubten Bereich ein.
admin-error-date = Geben Sie ein Datum als JJJJ-MM-TT ein.
admin-error-date-range = Wählen Sie einen Tag zwischen 1970 und 2037.
admin-error-url = Geben Sie eine vollständige Webadresse ein, die mit https:// beginnt.
admin-error-invalid = Dieser Wert ist ungültig.
admin-error-translation-is-original = Das ist die Originalsprache: Schreiben Sie diesen Text im Original-Reiter.
admin-error-no-match = Nichts heißt „{ $name }“. Wählen Sie einen Vorschlag oder geben Sie #ID ein.
admin-error-ambiguous = Mehrere Datensätze heißen „{ $name }“. Geben Sie #ID ein, um einen zu wählen.
admin-error-city-required = Eine Stadt ist nötig, außer die Stelle ist remote.
admin-error-country-code = „{ $code }“ ist kein Ländercode (ISO 3166, etwa DE).
admin-error-coordinates = Geben Sie Breiten- und Längengrad an, oder keinen von beiden.
admin-error-negative = Geben Sie null oder mehr ein.
admin-error-salary-range = Das Maximum darf nicht unter dem Minimum liegen.
admin-error-salary-needs = Nötig, wenn ein Gehalt angegeben ist.
admin-error-too-many = Höchstens { $max }.
admin-error-item-too-long = „{ $item }“ ist zu lang.
admin-error-skill-name = Der Name braucht mindestens einen lateinischen Buchstaben oder eine Ziffer.
admin-error-skill-taken = Eine Fähigkeit mit diesem Namen gibt es schon. Um zwei zusammenzuführen, nutzen Sie „Zusammenführen in“ in der Liste der Fähigkeiten.
admin-error-slug = Nur Kleinbuchstaben, Ziffern und Bindestriche.
admin-error-taken = Das ist schon vergeben.
admin-hint-role = Admins verwalten alles, auch Benutzer; Redakteure verwalten Inhalte und Bewerbungen; Übersetzer bearbeiten Übersetzungen; Betrachter lesen nur; Recruiter arbeiten nur für ihre Firmen.
admin-error-last-admin = Die Jobbörse braucht mindestens einen Admin: Machen Sie zuerst jemand anderen zum Admin.
admin-field-companies = Firmen
admin-hint-companies = Für Recruiter: die Firmen, für die sie arbeiten, mit Namen oder #ID, durch Kommas getrennt.
admin-error-recruiter-company = Ein Recruiter arbeitet für mindestens eine Firma.
admin-error-companies-for-recruiters = Nur Recruiter gehören zu Firmen: Lassen Sie das Feld leer oder machen Sie die Person zum Recruiter.
admin-delete-refused-last-admin = Das ist der letzte Admin und kann daher nicht gelöscht werden. Machen Sie zuerst jemand anderen zum Admin.

## Background tasks
admin-nav-tasks = Aufgaben
task-state-queued = Wartend
task-state-retrying = Wiederholung
task-state-running = Läuft
task-state-done = Erledigt
task-state-dead = Gescheitert
admin-field-task-kind = Art
admin-field-queue = Warteschlange
admin-field-attempts = Versuche
admin-field-run-at = Läuft ab
admin-field-last-error = Letzter Fehler
admin-field-priority = Priorität
admin-field-dedup-key = Eindeutigkeitsschlüssel
admin-field-worker = Worker
admin-field-lease-until = Reserviert bis
admin-field-started-at = Begonnen
admin-field-finished-at = Beendet
admin-field-arguments = Argumente
admin-field-errors = Fehler, neueste zuerst
admin-panel-task = Aufgabe
admin-panel-arguments = Argumente
admin-panel-errors = Fehler
task-attempt = Versuch { $attempt }
admin-action-retry-now = Jetzt wiederholen
admin-action-discard = Verwerfen
admin-action-retry-all-dead = Alle gescheiterten wiederholen
admin-task-unchanged = Diese Aufgabe lässt sich in ihrem jetzigen Zustand nicht ändern.
admin-task-discarded = Aufgabe verworfen.
admin-task-retried = Die Aufgabe läuft, sobald ein Worker frei ist.
admin-tasks-retried = { $count ->
    [one] Eine gescheiterte Aufgabe läuft erneut.
   *[other] { $count } gescheiterte Aufgaben laufen erneut.
}
task-schedule-expire-postings = Lässt veröffentlichte Stellen nach ihrem Ablaufdatum ablaufen.
task-schedule-expiry-reminders = Erinnert Recruiter 7 Tage und 1 Tag vor dem Ende ihrer Anzeigen, mit einem Link zum Verlängern.
task-schedule-purge-tasks = Löscht erledigte Aufgaben, die älter als sieben Tage sind.
task-schedule-optimize-database = Aktualisiert stündlich die Statistiken der Datenbank, damit Listen auch bei wachsenden Tabellen ihre Indizes nutzen.
admin-tasks-overview = Überblick und Zeitplan
admin-tasks-all = Alle Aufgaben
admin-tasks-by-queue = Nach Warteschlange
admin-tasks-throughput = In den letzten 24 Stunden beendet (UTC)
admin-tasks-hour = { $hour }: { $counts }
admin-tasks-chart-summary = In den letzten 24 Stunden: { $done } erledigt, { $dead } gescheitert.
admin-tasks-schedule = Wiederkehrende Aufgaben
admin-schedule-hint = Cron-Ausdrücke in UTC: Minute, Stunde, Tag des Monats, Monat, Wochentag. Zum Beispiel läuft */5 * * * * alle fünf Minuten.
admin-schedule-cron = Zeitplan
admin-schedule-enabled = An
admin-schedule-last-run = Letzter Lauf
admin-schedule-next-run = Nächster Lauf
admin-schedule-off = aus
admin-schedule-never = nie
admin-schedule-saved = Zeitplan gespeichert.
admin-schedule-invalid = „{ $expression }“ ist kein gültiger Zeitplan: { $error }. Nichts wurde geändert.

## Outbox
admin-nav-outbox = Postausgang
admin-field-subject = Betreff
admin-field-to = An
admin-field-headers = Kopfzeilen
admin-field-html-version = HTML-Fassung
admin-outbox-open-html = HTML-Fassung öffnen
admin-field-text-version = Text
admin-panel-message = Nachricht
admin-panel-text-version = Reiner Text
admin-field-contact-email = Kontakt für Bewerbungen
admin-hint-contact-email = Neue Bewerbungen auf die Stellen des Unternehmens werden hierhin gemeldet.
admin-error-email = Geben Sie eine E-Mail-Adresse ein, etwa jobs@example.com.

## Webhooks
webhook-error-url = Das ist keine Webadresse ({ $detail }).
webhook-error-scheme = Webhooks gehen nur an http://- oder https://-Adressen, nicht { $detail }.
webhook-error-credentials = Zugangsdaten gehören ins Geheimnis, nicht in die Adresse.
webhook-error-resolve = Der Host wurde nicht gefunden ({ $detail }).
webhook-error-private = Diese Adresse führt in ein privates Netz ({ $detail }); Webhooks gehen nur an öffentliche Adressen.
admin-nav-webhooks = Webhooks
admin-nav-webhook-deliveries = Webhook-Zustellungen
admin-field-url = Adresse
admin-field-events = Ereignisse
admin-field-secret = Signaturgeheimnis
admin-field-deliveries = Letzte Zustellungen
admin-field-event = Ereignis
admin-field-duration = Dauer
admin-field-payload = Inhalt
admin-panel-webhook = Endpunkt
admin-panel-deliveries = Zustellungen
admin-panel-delivery = Zustellung
admin-scope-failed = Fehlgeschlagen
admin-webhook-on = An
admin-webhook-off = Aus
admin-hint-webhook-url = Wohin Ereignisse gesendet werden. Nur öffentliche https://- oder http://-Adressen.
admin-hint-webhook-events = Durch Kommas getrennt: job.published, job.updated, job.expired, application.created, application.stage_changed, oder * für alle.
admin-error-event-kind = „{ $kind }“ ist kein Ereignis, das diese Jobbörse sendet.
admin-action-replay = Erneut senden
admin-webhook-replayed = Das Ereignis wird erneut gesendet.
admin-action-rotate-secret = Geheimnis erneuern
admin-action-webhook-ping = Testereignis senden
admin-webhook-pinged = Ein Testereignis (webhook.ping) ist unterwegs; seine Zustellung erscheint gleich unten.
admin-error-webhook-limit = Diese Jobbörse hat schon { $max } Webhook-Endpunkte, mehr sind nicht möglich. Entfernen Sie einen oder abonnieren Sie mit einem bestehenden weitere Ereignisse.
admin-webhook-secret-rotated = Der Endpunkt hat ein neues Geheimnis. 24 Stunden lang werden Zustellungen zusätzlich mit dem alten signiert, damit der Empfänger ohne Verluste umstellen kann.
admin-webhook-replay-pending = Eine Zustellung dieses Ereignisses an diesen Endpunkt wartet bereits.

## Job-Alerts
admin-nav-alerts = Job-Alerts
admin-field-search = Suche
admin-field-frequency = Häufigkeit
admin-field-confirmed-at = Bestätigt
admin-field-last-sent-at = Letzte Zusammenfassung
admin-field-sent-count = Gesendete Stellen
admin-panel-alert = Alert
admin-scope-active = Aktiv
admin-scope-pending = Unbestätigt
admin-scope-unsubscribed = Abbestellt
admin-action-unsubscribe = Abbestellen
alert-status-active = Aktiv
alert-status-pending = Unbestätigt
alert-status-unsubscribed = Abbestellt
task-schedule-alerts-instant = Verschickt Sofort-Alerts, die beim Veröffentlichen verpasst wurden.
task-schedule-alerts-daily = Verschickt die täglichen Job-Alert-Zusammenfassungen.
task-schedule-alerts-weekly = Verschickt die wöchentlichen Job-Alert-Zusammenfassungen.

## Uploads
admin-field-cv = Lebenslauf
admin-no-cv = Kein Lebenslauf angehängt
admin-file-size-kb = { $size } KB

task-schedule-purge-uploads = Löscht gespeicherte Dateien (Lebensläufe, Logos), auf die nichts mehr verweist.
task-schedule-purge-applications = Löscht Bewerbungen (mit Lebenslauf und Notizen), die länger als die Aufbewahrungsfrist unverändert sind.
admin-field-logo = Logo
admin-hint-logo = PNG, JPEG, WebP oder GIF, bis 5 MB und 4096 × 4096 Pixel. Erscheint auf der Firmenseite und bei ihren Stellen.
admin-logo-of = Logo von { $name }
admin-image-remove = Aktuelles Bild entfernen

## Zwei-Faktor-Anmeldung
admin-login-code-title = Code eingeben
admin-login-code-label = Code
admin-login-code-hint = Der 6-stellige Code, den Ihre Authenticator-App für Hireboard anzeigt, oder einer Ihrer Wiederherstellungscodes.
admin-login-code-submit = Bestätigen
admin-login-code-start-over = Mit einem anderen Konto anmelden
admin-login-code-invalid = Dieser Code ist falsch oder wurde bereits verwendet. Warten Sie auf den nächsten und versuchen Sie es erneut.
admin-login-code-expired = Die Anmeldung hat zu lange gedauert. Bitte geben Sie Ihr Passwort erneut ein.
admin-recovery-code-used = { $count ->
    [0] Sie haben sich mit Ihrem letzten Wiederherstellungscode angemeldet. Erstellen Sie jetzt auf der Seite „Zwei-Faktor-Anmeldung“ neue.
    [one] Sie haben sich mit einem Wiederherstellungscode angemeldet; { $count } ist noch übrig. Erstellen Sie auf der Seite „Zwei-Faktor-Anmeldung“ neue.
   *[other] Sie haben sich mit einem Wiederherstellungscode angemeldet; { $count } sind noch übrig.
}
admin-two-factor-link = Zwei-Faktor-Anmeldung
admin-two-factor-title = Zwei-Faktor-Anmeldung
admin-two-factor-required = Ihre Rolle erfordert die Anmeldung mit einem zweiten Faktor. Schalten Sie ihn ein, um fortzufahren.
admin-two-factor-enrol-title = Zwei-Faktor-Anmeldung einschalten
admin-two-factor-step-app = Installieren Sie eine Authenticator-App auf Ihrem Telefon (zum Beispiel FreeOTP, Aegis, Google Authenticator oder 1Password).
admin-two-factor-step-scan = Scannen Sie diesen QR-Code mit der App.
admin-two-factor-step-type = Oder geben Sie diesen Schlüssel in der App ein:
admin-two-factor-step-code = Geben Sie den 6-stelligen Code ein, den die App jetzt anzeigt.
admin-two-factor-qr-alt = QR-Code für Ihre Authenticator-App
admin-two-factor-code = Code aus der App
admin-two-factor-code-or-recovery = Code aus der App oder ein Wiederherstellungscode
admin-two-factor-enable = Einschalten
admin-two-factor-code-wrong = Dieser Code ist falsch oder wurde bereits verwendet. Prüfen Sie die Uhrzeit Ihres Telefons und versuchen Sie den nächsten Code.
admin-two-factor-locked = Zu viele falsche Codes: Ihr Konto ist für 15 Minuten gesperrt.
admin-two-factor-enabled = Die Zwei-Faktor-Anmeldung ist eingeschaltet. Ab jetzt melden Sie sich mit Passwort und Code an.
admin-two-factor-codes-title = Ihre Wiederherstellungscodes
admin-two-factor-codes-intro = Falls Sie Ihr Telefon verlieren, meldet Sie jeder dieser Codes einmal an. Bewahren Sie sie jetzt sicher auf (in einem Passwortmanager oder auf Papier): Sie werden nur dieses eine Mal angezeigt.
admin-two-factor-codes-saved = Ich habe meine Codes gespeichert
admin-two-factor-codes-replaced = Neue Wiederherstellungscodes sind bereit; die alten gelten nicht mehr.
admin-two-factor-on-title = Die Zwei-Faktor-Anmeldung ist eingeschaltet
admin-two-factor-on-since = Eingeschaltet seit { $since }.
admin-two-factor-codes-left = { $count ->
    [0] Sie haben keine Wiederherstellungscodes mehr. Erstellen Sie neue.
    [one] Sie haben noch { $count } unbenutzten Wiederherstellungscode.
   *[other] Sie haben noch { $count } unbenutzte Wiederherstellungscodes.
}
admin-two-factor-codes-heading = Wiederherstellungscodes
admin-two-factor-disable-heading = Zwei-Faktor-Anmeldung ausschalten
admin-two-factor-disable-hint = Ohne sie meldet Sie Ihr Passwort allein an. Bestätigen Sie mit einem aktuellen Code.
admin-two-factor-new-codes = Neue Wiederherstellungscodes erstellen
admin-two-factor-disable = Ausschalten
admin-two-factor-disabled = Die Zwei-Faktor-Anmeldung ist ausgeschaltet.
admin-field-two-factor = Zwei-Faktor-Anmeldung seit
admin-action-reset-two-factor = Zwei-Faktor-Anmeldung zurücksetzen
admin-two-factor-reset-done = Die Zwei-Faktor-Anmeldung dieses Benutzers wurde ausgeschaltet. Er meldet sich mit seinem Passwort an und kann sie neu einrichten.
admin-two-factor-reset-none = Dieser Benutzer hatte keine Zwei-Faktor-Anmeldung; nichts wurde geändert.
admin-two-factor-value-on = Ein
admin-two-factor-value-off = Aus
admin-board-move = Verschieben
admin-board-move-label = { $name } verschieben nach
admin-board-hint = Verschieben Sie eine Karte mit ihrem Menü oder ziehen Sie sie in eine andere Spalte. Für eine Absage wird auf der Seite der Bewerbung ein Grund erfragt.
admin-stage-confirm = { $name } nach „{ $stage }“ verschieben?
admin-stage-reason-hint = Nur Ihr Team sieht den Grund; der Bewerbende erfährt ihn nicht.
admin-search-title = Suche
admin-search-label = Im Verwaltungsbereich suchen
admin-search-placeholder = Suchen…
admin-search-hint = Stellen nach Titel, Adresse oder #Nummer, Firmen nach Name, Bewerbungen nach Name oder E-Mail, Benutzer nach E-Mail.
admin-search-nothing = Nichts gefunden für „{ $q }“.
admin-search-more = Alle in der Liste ansehen
admin-search-submit = Suchen
admin-field-translations = Übersetzungen

## API tokens
admin-nav-api-tokens = API-Tokens
admin-field-token = Token
admin-field-scopes = Berechtigungen
admin-field-expires-at = Läuft ab
admin-field-last-used-at = Zuletzt benutzt
admin-field-last-used-from = Zuletzt benutzt von
admin-field-revoked-at = Widerrufen
admin-field-example = Eine Anfrage damit
admin-panel-api-token = API-Token
admin-panel-api-usage = Verwendung
admin-token-active = Aktiv
admin-token-expired = Abgelaufen
admin-token-revoked = Widerrufen
admin-token-every-company = Alle Unternehmen
admin-action-revoke = Widerrufen
admin-token-revoked-notice = Das Token ist widerrufen: Seine nächste Anfrage wird abgelehnt.
admin-token-already-revoked = Dieses Token war bereits widerrufen.
admin-hint-token-company = Für das Team der Jobbörse optional (Recruiter wählen eines ihrer Unternehmen). Ein Token für ein Unternehmen sieht und ändert nur dessen Stellenanzeigen und Bewerbungen.
admin-hint-token-expires = Optional. Das Token funktioniert bis zum Ende dieses Tages.
admin-error-token-expiry = Wählen Sie einen Tag in der Zukunft.
admin-error-token-own-company = Wählen Sie eines Ihrer Unternehmen: Ihre Tokens gelten nur dafür.
admin-field-token-reviewed = Anzeigen werden geprüft
admin-secret-once = Kopieren Sie das Token jetzt: Es wird nur dieses eine Mal angezeigt.
admin-secret-copy = Kopieren
admin-secret-copied = Kopiert

## Places
admin-nav-places = Orte
admin-panel-place = Ort
admin-field-country-code = Ländercode
admin-field-population = Einwohner
admin-field-geonames-id = GeoNames-ID
admin-field-names = Namen in anderen Sprachen
admin-field-coordinates = Koordinaten
admin-hint-country-code = Zwei Buchstaben nach ISO 3166-1 (DE, UA, AT).
admin-hint-population = Entscheidet, welcher Ort gemeint ist, wenn mehrere gleich heißen: der größte.
admin-error-country-code-format = Geben Sie das Land mit zwei Buchstaben an, etwa DE.
admin-scope-untranslated = Namen fehlen
admin-delete-refused-place = An diesem Ort gibt es Stellen oder Unternehmen, daher kann er nicht gelöscht werden.
admin-field-street-address = Straße und Hausnummer
admin-hint-street-address = Optional. Den Punkt auf der Karte unten setzen (oder die Koordinaten eingeben); ohne Adresse gilt der Punkt der Stadt.
admin-map-find = Ort suchen
admin-map-label = Karte: klicken oder die Markierung ziehen, um den Punkt zu setzen
admin-map-hint = Einen Ort suchen oder in die Karte klicken; die Markierung lässt sich verschieben. Breiten- und Längengrad folgen.
admin-map-unavailable = Die Karte konnte nicht geladen werden; bitte Breiten- und Längengrad eingeben.
admin-map-set = Punkt gesetzt: { $lat }, { $lon }.

## Translations: the translators' workspace
admin-nav-translations = Übersetzungen
translations-intro = Jede Meldung der Website und des Backoffice neben dem Englischen. Gespeicherte Texte erscheinen sofort auf jedem Server; laden Sie die Dateien einer Sprache herunter, um sie ins Repository zu übernehmen.
translations-language = Sprache
translations-progress = Fortschritt
translations-percent-done = { $percent } % fertig
translations-file = Datei
translations-files = Dateien
translations-download = { $file } herunterladen
translations-source-language = Ausgangssprache
translations-state = Stand
translations-state-missing = Fehlt
translations-state-untranslated = Wie Englisch
translations-state-outdated = Veraltet
translations-state-done = Fertig
translations-state-all = Jeder Stand
translations-file-all = Jede Datei
translations-search = Text oder ID
translations-filter = Filtern
translations-english = Englisch
translations-translation = Übersetzung
translations-id = Meldungs-ID
translations-edit = Bearbeiten
translations-edited = Hier bearbeitet
translations-count =
    { $count ->
        [one] { $count } Meldung
       *[other] { $count } Meldungen
    }
translations-none-match = Keine Meldung passt zu diesen Filtern.
translations-editing = { $id } auf { $language }
translations-english-source = Englische Vorlage
translations-note = Hinweis für Übersetzer
translations-text = Text
translations-text-hint = Fluent-Syntax wie in der .ftl-Datei: Variablen wie { "{" } $count { "}" } bleiben erhalten; mehrzeilige Varianten werden eingerückt.
translations-variables = Variablen
translations-variables-none = Diese Meldung hat keine Variablen.
translations-plural-forms = Pluralformen dieser Sprache
translations-preview = Vorschau
translations-preview-button = Vorschau
translations-save-button = Speichern
translations-revert-button = Zurück zum ausgelieferten Text
translations-preview-with = Mit { $values }:
translations-saved = „{ $id }“ auf { $language } gespeichert.
translations-reverted = „{ $id }“ auf { $language } ist wieder der ausgelieferte Text.
translations-unchanged = Nichts zu speichern: Das ist der ausgelieferte Text.
translations-shipped = Ausgelieferter Text
translations-saved-by = Gespeichert von { $name } am { $date }
translations-back = Alle Meldungen
translations-error-empty = Geben Sie den Text ein.
translations-error-too-long = Der Text ist zu lang: höchstens { $max } Zeichen.
translations-error-syntax = Die Fluent-Syntax ist in der Nähe von Zeile { $line } fehlerhaft. Prüfen Sie die Klammern, die Varianten und ihre Einrückung.
translations-error-not-one = Geben Sie den Text einer einzigen Meldung ein, nicht mehrere Meldungen.
translations-error-variables-unknown = Im Englischen gibt es die Variable { $names } nicht: Verwenden Sie nur die des Englischen.
translations-error-variables-missing = Das Englische verwendet { $names }: Behalten Sie sie in der Übersetzung.
translations-error-plural = Es fehlen Pluralvarianten für { $forms }.
translations-error-summary = Der Text wurde nicht gespeichert:

## Importe: Tabellen mit Stellenanzeigen und Unternehmen.
import-column-reference = Referenz
import-column-id = ID
import-error-empty = Die Datei ist leer.
import-error-no-rows = Die Datei hat eine Kopfzeile, aber keine Zeilen darunter.
import-error-format = Diese Datei ist keine Tabelle: Verwenden Sie eine XLSX-, ODS- oder CSV-Datei.
import-error-old-excel = Dies ist eine Excel-97–2003-Arbeitsmappe (.xls): Speichern Sie sie als .xlsx und verwenden Sie diese.
import-error-too-large = Die Datei ist größer als { $megabytes } MB: Teilen Sie sie in kleinere Dateien auf.
import-error-too-many-rows = Die Datei hat mehr als { $max } Zeilen: Teilen Sie sie in kleinere Dateien auf.
import-error-encoding = Die Datei ist kein gültiger { $encoding }-Text: Wählen Sie die Kodierung, in der sie gespeichert wurde.
import-error-merged = Die Tabelle hat verbundene Zellen ({ $cells }): Heben Sie die Verbindung auf, damit jede Zelle einen Wert enthält.
import-error-duplicate-header = Zwei Spalten heißen „{ $header }“: Geben Sie jeder Spalte eine eigene Überschrift.
import-error-damaged = Die Datei ist beschädigt und kann nicht gelesen werden: Speichern Sie sie in Ihrem Tabellenprogramm neu.
import-error-io = Die Datei konnte nicht gelesen werden.
import-error-formula = Zelle { $cell } enthält eine Formel (={ $formula }): Der Import übernimmt nur Werte, fügen Sie also die Werte darüber ein.
import-error-repeated-reference = Die Referenz „{ $reference }“ steht auch in Zeile { $row }: Jede Zeile braucht ihre eigene.
import-error-no-record = Es gibt keinen Datensatz mit der ID { $id }, den Sie ändern dürfen.
import-reason-column = { $column }: { $reason }
import-reason-field = { $field }: { $reason }
import-cli-failure = Zeile { $row }: { $reason }
import-count-rows = { $count ->
    [one] { $count } Zeile
   *[other] { $count } Zeilen
}
import-count-created = { $count } angelegt
import-count-updated = { $count } aktualisiert
import-count-unchanged = { $count } unverändert
import-count-failed = { $count } fehlgeschlagen
import-state-dry-run = Probelauf: Es wurde nichts geschrieben.
import-state-done = Importiert.
import-state-rolled-back = Nichts wurde importiert: Alles ist wie zuvor.
import-button = Importieren
import-title = { $resource } importieren
import-intro = Laden Sie eine Tabelle hoch (XLSX, ODS oder CSV, bis 100 MB): Ihre erste Zeile benennt die Spalten. Sie wählen, was jede Spalte füllt, ein Probelauf prüft jede Zeile, dann läuft der Import im Hintergrund.
import-file = Tabelle
import-encoding = Kodierung einer CSV-Datei
import-encoding-guess = Automatisch erkennen
import-encoding-hint = Nur für CSV-Dateien, deren Umlaute falsch erscheinen: die Kodierung, in der sie gespeichert wurden.
import-upload = Hochladen und Spalten zuordnen
import-error-no-file = Wählen Sie eine Tabelle zum Hochladen.
import-error-stopped = Der Lauf wurde vor seinem Ende abgebrochen: Starten Sie ihn erneut.
import-to-records = Zurück zur Liste
import-checking = Jede Zeile wird geprüft…
import-running = Import läuft…
import-one-transaction = Alles oder nichts: Die Zeilen werden am Ende in einem Zug geschrieben, bis dahin bleibt der Zähler bei null.
import-checked = Probelauf beendet: Es wurde nichts geschrieben
import-done = Import beendet
import-failed-rows = Fehlgeschlagene Zeilen
import-row = Zeile
import-reasons = Grund
import-download-failures = Fehlgeschlagene Zeilen herunterladen (XLSX, mit den Gründen daneben)
import-mode = Wenn Zeilen fehlschlagen
import-mode-skip = Die gültigen Zeilen importieren und die anderen auflisten
import-mode-all = Nichts importieren, wenn nicht jede Zeile gültig ist
import-start = Import starten
import-mapping = Spalten
import-mapping-hint = Jede Spalte füllt das daneben gewählte Feld; Spalten auf „Auslassen“ werden nicht importiert. Mit einer Referenzspalte aktualisiert ein späterer Import derselben Datei diese Datensätze, statt neue anzulegen.
import-column = Spalte der Datei
import-fills = Füllt
import-column-ignore = Auslassen
import-check = Jede Zeile prüfen (Probelauf)
import-progress = { $done } von { $total } Zeilen
import-seconds-left = { $count ->
    [one] noch etwa { $count } Sekunde
   *[other] noch etwa { $count } Sekunden
}
import-more-failures = { $count ->
    [one] …und { $count } weitere Zeile: Unten laden Sie alle herunter.
   *[other] …und { $count } weitere Zeilen: Unten laden Sie alle herunter.
}
import-failures-file = fehlgeschlagen
import-failures-row = Zeile
import-failures-reasons = Grund des Fehlschlags
import-status-mapping = Spalten zuordnen
import-status-checking = Probelauf läuft
import-status-checked = Geprüft
import-status-running = Import läuft
import-status-done = Fertig
import-status-failed = Fehlgeschlagen
import-templates = Vorlagen
import-templates-hint = Eine leere Arbeitsmappe mit den Überschriften, die der Import versteht, in jeder Sprache: Ausfüllen und hochladen.
import-create-companies = Unternehmen anlegen, die die Datei nennt und die es noch nicht gibt (mit ihrem Namen)
import-count-companies = { $count ->
    [one] { $count } Unternehmen angelegt
   *[other] { $count } Unternehmen angelegt
}
import-upload-again = Erneut eine Datei hochladen

## Partner-Feeds
admin-nav-feed-sources = Feed-Quellen
admin-panel-feed-source = Feed-Quelle
admin-panel-feed-runs = Letzte Abrufe
admin-field-feed-format = Format
admin-field-schedule = Zeitplan
admin-field-next-run = Nächster Abruf
admin-field-feed-publish = Neue Stellen
admin-field-feed-runs = Abrufe
admin-hint-feed-url = Die Adresse des Feeds, den Ihr Bewerbermanagementsystem veröffentlicht, etwa https://boards-api.greenhouse.io/v1/boards/ihrefirma/jobs?content=true
admin-hint-feed-language = Die Sprache, in der die Stellen des Feeds geschrieben sind.
admin-action-feed-fetch = Jetzt abrufen
admin-feed-fetch-queued = Der Feed wird gleich abgerufen; der Abruf erscheint unten.
feed-format-greenhouse = Greenhouse-Jobboard (JSON)
feed-format-indeed = Indeed-XML
feed-publish-on = Sofort veröffentlicht
feed-publish-off = Als Entwurf zur Prüfung
feed-every-hours = { $count ->
    [one] stündlich
   *[other] alle { $count } Stunden
}
feed-run-ok = erledigt
feed-run-failed = fehlgeschlagen, nichts geändert
feed-count-postings = { $count ->
    [one] { $count } Stelle im Feed
   *[other] { $count } Stellen im Feed
}
feed-count-closed = { $count } geschlossen
feed-error-syntax = Der Feed ließ sich im gewählten Format nicht lesen.
feed-error-too-many = Der Feed enthält mehr als { $max } Stellen.
feed-error-refused = Die Adresse des Feeds kann nicht abgerufen werden ({ $detail }).
feed-error-status = Der Server des Feeds antwortete mit HTTP-Status { $status }.
feed-error-too-large = Der Feed ist größer als { $megabytes } MB.
feed-error-network = Der Server des Feeds war nicht erreichbar ({ $detail }).
feed-error-empty = Der Feed listet keine Stellen; die Stellen, die er früher brachte, bleiben offen.
task-schedule-feeds = Ruft die fälligen Partner-Feeds ab.
task-schedule-indexing = Meldet der Indexing API von Google veröffentlichte und geschlossene Stellen (falls eingerichtet).
admin-nav-imports = Importe
admin-field-file = Datei
admin-field-rows = Zeilen
admin-field-created = Angelegt
admin-field-updated = Aktualisiert
admin-field-failed = Fehlgeschlagen
admin-imports-earlier = Frühere Importe

## Moderation (src/admin/review.rs)
admin-nav-review = Prüfung
admin-nav-team = Team
admin-team-title = Ihr Team
admin-team-intro = Alle, die in diesem Backoffice für Ihre Unternehmen arbeiten.
admin-team-last-sign-in = Letzte Anmeldung
admin-team-invited-not-in = Eingeladen, noch nicht angemeldet
admin-team-invite-title = Kollegin oder Kollegen einladen
admin-team-invite-hint = Die eingeladene Person erhält eine E-Mail mit einem Link zum Festlegen des Passworts (72 Stunden gültig) und sieht nur das gewählte Unternehmen.
admin-team-invited = Eine Einladung an { $email } ist unterwegs.
admin-team-email-taken = Für diese Adresse gibt es bereits ein Konto. Bitten Sie das Team der Jobbörse, es Ihrem Unternehmen hinzuzufügen.
admin-team-rate-limited = Sie haben in der letzten Stunde viele Einladungen verschickt. Bitte versuchen Sie es später erneut.
admin-team-actions = Aktionen
admin-team-remove = { $name } entfernen
admin-team-removed = { $email } arbeitet hier nicht mehr für Ihre Unternehmen.
admin-review-title = Zu prüfende Anzeigen
admin-review-intro = Anzeigen von Recruitern warten hier auf Ihre Freigabe, die am längsten wartenden zuerst. Freigeben veröffentlicht eine Anzeige; Zurückgeben teilt dem Recruiter per E-Mail den Grund mit.
admin-review-empty = Nichts wartet auf Prüfung.
admin-review-sent-by = Gesendet von
admin-review-sent-at = Gesendet
admin-review-of = Prüfung: { $title }
admin-review-posting = Anzeige öffnen
admin-review-company-awaiting = Die Firma hat sich registriert und wartet auf Freigabe: Geben Sie sie auf ihrer Seite frei, bevor ihre Anzeigen online gehen können.
admin-review-first = Erste Fassung: alle Felder sind neu
admin-review-changes = Änderungen seit der letzten freigegebenen Fassung
admin-review-unchanged = Seit der letzten freigegebenen Fassung hat sich nichts geändert.
admin-review-before = Freigegeben
admin-review-after = Jetzt
admin-review-decide = Entscheidung
admin-review-approve = Freigeben und veröffentlichen
admin-review-reason = Warum die Anzeige zurückgeht
admin-review-reason-hint = Der Recruiter erhält diesen Text per E-Mail in seiner Sprache; schreiben Sie ihn so, dass er die Anzeige korrigieren kann.
admin-review-reject = An den Recruiter zurückgeben
admin-review-not-pending = Diese Anzeige wartet nicht mehr auf Prüfung.
admin-review-approved = Freigegeben: Die Anzeige ist online.
admin-review-rejected = Zurückgegeben: Der Recruiter hat den Grund erhalten.
admin-review-reason-needed = Geben Sie an, warum die Anzeige zurückgeht.
admin-review-reason-too-long = Die Begründung ist zu lang: höchstens { $max } Zeichen.
admin-action-submit = Zur Prüfung senden
admin-submitted = Zur Prüfung gesendet: Das Team der Jobbörse gibt die Anzeige frei oder sagt Ihnen, was zu ändern ist.
admin-submitted-published = Veröffentlicht: Die Anzeigen Ihrer Firma gehen ohne Prüfung online.
admin-submit-not-allowed = Eine Anzeige im Status { $status } kann nicht zur Prüfung gesendet werden.
admin-unchanged = Nichts geändert.
admin-field-company-standing = Prüfung der Anzeigen
admin-company-awaiting = Wartet auf Freigabe
admin-company-trusted-label = Vertrauenswürdig: Anzeigen gehen ohne Prüfung online
admin-company-reviewed-label = Jede Anzeige wird geprüft
admin-action-approve-company = Firma freigeben
admin-action-trust-company = Vertrauen: ohne Prüfung veröffentlichen
admin-action-review-company = Anzeigen wieder prüfen
admin-company-approved = Die Firma ist freigegeben.
admin-company-trusted = Die Firma ist vertrauenswürdig: Ihre Anzeigen gehen ohne Prüfung online.
admin-company-reviewed = Die Anzeigen der Firma werden wieder geprüft.
admin-field-awaiting-approval = Wartet auf Freigabe
admin-field-auto-publish = Veröffentlicht ohne Prüfung

admin-stats-crumb = Zahlen
admin-stats-title = Zahlen: { $job }
admin-stats-intro = Was diese Anzeige in den letzten 30 Tagen auf der Website bewirkt hat. Aufrufe und Suchtreffer werden alle paar Sekunden gespeichert; Seiten aus dem Browser-Cache oder einem geteilten Cache werden nicht gezählt. Besucher werden nicht erfasst, nur die Zahlen.
admin-stats-chart-title = Aufrufe pro Tag
admin-stats-table-title = Nach Tag
admin-stats-summary = In den letzten 30 Tagen: { $views }, { $applications }.
admin-stats-views-count = { $count ->
    [one] 1 Aufruf
   *[other] { $count } Aufrufe
}
admin-stats-applications-count = { $count ->
    [one] 1 Bewerbung
   *[other] { $count } Bewerbungen
}
admin-stats-day-views = { $count ->
    [one] { $day }: 1 Aufruf
   *[other] { $day }: { $count } Aufrufe
}
admin-stats-day = Tag
admin-stats-views = Aufrufe
admin-stats-search = In Suchergebnissen
admin-stats-alerts = In Suchauftrags-E-Mails
admin-stats-apply-clicks = Gesendete Bewerbungsformulare
admin-stats-applications = Bewerbungen
admin-stats-total = Summe
admin-stats-export = Als CSV exportieren

## Das Verzeichnis der Auskunfts- und Löschanfragen (/admin/data_requests)
admin-panel-data-request = Anfrage
admin-field-data-request-kind = Anfrage
admin-field-data-request-origin = Ausgelöst von
admin-field-data-subject = Person (Kennung)
admin-field-data-request-applications = Bewerbungen
admin-field-data-request-expires = Link gültig bis
admin-field-data-request-downloaded = Zuerst heruntergeladen
admin-data-request-kind-access = Datenkopie
admin-data-request-kind-erasure = Löschung
admin-data-request-origin-applicant = Bewerber:in
admin-data-request-origin-retention = Aufbewahrungsfrist
admin-data-request-mailed = Link verschickt
admin-data-request-downloaded = Heruntergeladen
admin-data-request-expired = Link ungenutzt abgelaufen
admin-data-request-erased = Gelöscht

## Die Daten einer Bewerberin auf Wunsch löschen (/admin/applications/{id}/erase)
admin-erase-title = Daten dieser Person löschen
admin-erase-question = { $count ->
    [one] Alles löschen, was über { $person } gespeichert ist: die Bewerbung, ihren Lebenslauf und die Notizen dazu? Das Löschverzeichnis hält fest, dass es geschah, nicht wer. Das lässt sich nicht rückgängig machen.
   *[other] Alles löschen, was über { $person } gespeichert ist: { $count } Bewerbungen, ihre Lebensläufe und die Notizen dazu? Das Löschverzeichnis hält fest, dass es geschah, nicht wer. Das lässt sich nicht rückgängig machen.
}
admin-erase-button = Alles löschen
admin-erase-done = { $count ->
    [one] Gelöscht: { $count } Bewerbung mit Lebenslauf und Notizen.
   *[other] Gelöscht: { $count } Bewerbungen mit Lebensläufen und Notizen.
}
admin-data-request-origin-staff = Team der Jobbörse
