## Site-wide: names, navigation, formats.

site-name = Hireboard
site-description = Finden Sie Ihren nächsten Job: Tausende Stellenangebote von Unternehmen aus ganz Europa und darüber hinaus – auf Englisch, Deutsch und Ukrainisch.
footer-text = Hireboard – die mehrsprachige Jobbörse.
feed-subscribe = Neueste Jobs abonnieren:
feed-format-atom = Atom-Feed
feed-format-rss = RSS-Feed
feed-title-atom = Neueste Jobs auf Hireboard (Atom)
feed-title-rss = Neueste Jobs auf Hireboard (RSS)
feed-title = Neueste Jobs auf Hireboard
feed-title-search = Jobs auf Hireboard zu { $query }

nav-skip = Zum Inhalt springen
nav-label = Hauptnavigation
nav-language = Sprache
nav-jobs = Jobs
breadcrumbs = Navigationspfad

home-title = Jobs auf Englisch, Deutsch und Ukrainisch
home-heading = Finden Sie einen Job, der Sie begeistert
home-stats = { $jobs } bei { $companies }
home-stats-jobs = { $count ->
    [one] { $count } offene Stelle
   *[other] { $count } offene Stellen
}
home-stats-companies = { $count ->
    [one] { $count } Unternehmen
   *[other] { $count } Unternehmen
}
home-latest = Neueste Jobs
home-all-jobs = Alle Jobs ansehen
home-top-skills = Gefragte Kenntnisse
home-top-cities = Beliebte Städte

form-optional = (freiwillig)
content-original-language = Dieser Inhalt ist noch nicht in Ihrer Sprache verfügbar und wird daher in der Originalsprache angezeigt ({ $language }).
content-original-language-short = in der Originalsprache
# A language named in this one (CLDR spelling: German nouns capitalised, Ukrainian not).
language-en = Englisch
language-de = Deutsch
language-uk = Ukrainisch

## Dates: month names in the form a date uses.
date-long = { $day }. { $month } { $year }
date-short = { $day }.{ $month }.
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Employers (src/web/employers.rs)
employer-sign-up-title = Stellen anbieten: Firma registrieren
employer-sign-up-intro = Legen Sie ein Konto für Ihre Firma an. Sobald Sie Ihre Adresse bestätigt haben, schreiben Sie Ihre Anzeigen im Backoffice; das Team der Jobbörse gibt Ihre Firma und jede Anzeige frei, bevor sie online geht.
employer-company = Firma
employer-name = Ihr Name
employer-email = Geschäftliche E-Mail-Adresse
employer-password = Passwort
employer-password-hint = Mindestens { $min } Zeichen; einige Wörter ohne Zusammenhang ergeben ein starkes Passwort.
employer-review-note = Das Team der Jobbörse prüft Ihre Firma und Ihre Anzeigen, bevor etwas veröffentlicht wird.
employer-submit = Konto anlegen
employer-error-company = Geben Sie den Namen Ihrer Firma an (höchstens 200 Zeichen).
employer-error-name = Ihr Name darf höchstens 200 Zeichen haben.
employer-error-rate-limited = Zu viele Registrierungen aus Ihrem Netz in der letzten Stunde. Bitte versuchen Sie es später noch einmal.
employer-check-inbox-title = Sehen Sie in Ihr Postfach
employer-check-inbox = Wenn sich { $email } registrieren kann, ist ein Link zur Bestätigung unterwegs. Öffnen Sie ihn, um abzuschließen.
employer-confirm-title = Adresse bestätigen
employer-confirm-question = { $email } als Adresse Ihres Kontos bestätigen?
employer-confirm-button = Meine Adresse bestätigen
employer-confirmed-title = Adresse bestätigt
employer-confirmed = Ihre Adresse ist bestätigt. Melden Sie sich an und schreiben Sie Ihre erste Anzeige; das Team der Jobbörse gibt Ihre Firma und Ihre Anzeigen frei, bevor sie online gehen.
employer-sign-in = Anmelden
nav-employers = Für Arbeitgeber

extend-title = Anzeige verlängern
extend-question = „{ $job }“ bis { $date } veröffentlichen?
extend-button = Verlängern
extend-done = „{ $job }“ ist bis { $date } veröffentlicht.
extend-moved = Dieser Link wurde schon verwendet: „{ $job }“ ist bis { $date } veröffentlicht.
extend-expired = Dieser Link ist abgelaufen: „{ $job }“ ist beendet. Melden Sie sich im Backoffice an, um die Anzeige erneut zu veröffentlichen.
extend-at-limit = „{ $job }“ kann nicht länger laufen: Die Anzeige hat die längste Laufzeit dieser Jobbörse erreicht.
