## Search, postings, companies and the apply form.

search-title = Jobs
search-title-query = Jobs für „{ $query }“
search-label = Wonach suchen Sie?
search-placeholder = Jobtitel, Kenntnis oder Unternehmen
search-button = Suchen
search-more-filters = Weitere Filter
search-total = { $count ->
    [0] Keine Jobs gefunden
    [one] { $count } Job
   *[other] { $count } Jobs
}
search-notice-invalid = Der Filter { $name } = „{ $value }“ wurde nicht erkannt und wird ignoriert.
search-empty-title = Keine passenden Jobs gefunden
search-empty-text = Versuchen Sie es mit anderen Suchbegriffen oder weniger Filtern.
search-empty-suggest = Entfernen Sie einen Filter, um mehr Jobs zu sehen:
search-drop-filter = Ohne „{ $filter }“

filters-label = Suchfilter
filters-button = { $count ->
    [0] Filter
   *[other] Filter ({ $count })
}
filters-active = Aktive Filter
filters-clear = Alle Filter zurücksetzen
filter-remove = Filter entfernen: { $filter }
filter-workplace = Arbeitsmodell
filter-type = Anstellungsart
filter-seniority = Karrierestufe
filter-country = Land
filter-city = Stadt
filter-skill = Kenntnisse
filter-salary-min = Mindestgehalt (EUR pro Jahr)
filter-posted-within = Veröffentlicht
filter-any-time = Jederzeit
filter-chip-query = „{ $query }“
filter-chip-salary = Ab { $amount } € pro Jahr
filter-chip-posted-within = { $count ->
    [one] Heute veröffentlicht
   *[other] In den letzten { $count } Tagen veröffentlicht
}
filter-chip-company = Unternehmen: { $company }
posted-within-days = { $count ->
    [one] In den letzten 24 Stunden
   *[other] In den letzten { $count } Tagen
}

sort-label = Sortieren nach
sort-relevance = Relevanz
sort-newest = Neueste
sort-salary = Gehalt

pagination-label = Seiten
pagination-prev = Zurück
pagination-next = Weiter
pagination-status = Seite { $page } von { $pages }

workplace-onsite = Vor Ort
workplace-hybrid = Hybrid
workplace-remote = Remote
employment-full_time = Vollzeit
employment-part_time = Teilzeit
employment-contract = Vertrag
employment-internship = Praktikum
employment-temporary = Befristet
seniority-junior = Junior
seniority-mid = Berufserfahren
seniority-senior = Senior
seniority-lead = Leitend

salary-range = { $min } – { $max }
salary-from = ab { $amount }
salary-up-to = bis { $amount }
salary-with-period = { $amount } { $period }
salary-period-year = pro Jahr
salary-period-month = pro Monat
salary-period-hour = pro Stunde

location-remote-anywhere = Remote, ortsunabhängig
location-remote-in = Remote aus folgenden Ländern: { $countries }
posted-on = Veröffentlicht am { $date }

job-facts = Auf einen Blick
job-location = Arbeitsort
job-salary = Gehalt
job-posted = Veröffentlicht
job-closes = Bewerbungsschluss
job-responsibilities = Ihre Aufgaben
job-requirements = Ihr Profil
job-benefits = Das bieten wir
job-skills = Kenntnisse
job-about-company = Über das Unternehmen
job-other-languages = Auch verfügbar auf:
job-closed-expired = Diese Stellenanzeige ist abgelaufen. Bewerbungen sind nicht mehr möglich.
job-closed-filled = Diese Stelle ist bereits besetzt.
job-closed-archived = Diese Stelle ist nicht mehr ausgeschrieben.
job-preview-note = Vorschau · Status: { $status }. So sieht die Stelle auf der Website aus; nur angemeldete Mitarbeitende sehen diese Seite.
job-closed-published = Die Bewerbungsfrist für diese Stelle ist abgelaufen. Bewerbungen sind nicht mehr möglich.
job-closed-draft = Diese Stellenanzeige ist nicht veröffentlicht.
job-closed-pending_review = Diese Stelle wird geprüft und nimmt noch keine Bewerbungen an.

company-website = Website des Unternehmens
company-headquarters = Hauptsitz
company-size = Unternehmensgröße
company-size-employees = { $size } Beschäftigte
company-open-positions = { $count ->
    [0] Derzeit keine offenen Stellen
    [one] { $count } offene Stelle
   *[other] { $count } offene Stellen
}
company-all-positions = Alle offenen Stellen ansehen

apply-heading = Auf diese Stelle bewerben
apply-now = Jetzt bewerben
apply-name = Vollständiger Name
apply-email = E-Mail
apply-phone = Telefon
apply-cover-letter = Anschreiben
apply-consent = Ich bin damit einverstanden, dass { $company } und Hireboard meine Bewerbung speichern, um mich für diese Stelle zu berücksichtigen.
apply-submit = Bewerbung absenden
apply-errors-heading = Bitte korrigieren Sie Folgendes:
apply-error-name-required = Bitte geben Sie Ihren Namen ein.
apply-error-name-too-long = Ihr Name ist zu lang (höchstens 200 Zeichen).
apply-error-email-required = Bitte geben Sie Ihre E-Mail-Adresse ein.
apply-error-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.
apply-error-phone-invalid = Bitte geben Sie eine gültige Telefonnummer ein oder lassen Sie das Feld leer.
apply-error-cover-letter-required = Bitte schreiben Sie ein paar Worte dazu, warum Sie sich bewerben.
apply-error-cover-letter-too-long = Ihr Anschreiben ist zu lang (höchstens 10.000 Zeichen).
apply-error-consent-required = Bitte erteilen Sie Ihre Einwilligung, damit wir Ihre Bewerbung weiterleiten können.
apply-error-duplicate = Sie haben sich mit dieser E-Mail-Adresse bereits auf diese Stelle beworben.
apply-error-expired-form = Dieses Formular ist abgelaufen. Bitte überprüfen Sie Ihre Angaben und senden Sie es erneut ab.
apply-honeypot-label = Dieses Feld bitte leer lassen
apply-error-too-fast = Das ging schneller, als jemand dieses Formular ausfüllen kann, daher wurde es nicht gesendet. Bitte überprüfen Sie Ihre Angaben und senden Sie es in ein paar Sekunden erneut ab.
apply-error-not-sent = Ihre Bewerbung konnte nicht gesendet werden. Bitte überprüfen Sie Ihre Angaben und senden Sie sie erneut ab.
apply-error-rate-limited = Von Ihnen kamen in kurzer Zeit mehrere Bewerbungen, daher wurde diese nicht gesendet. Ihre Angaben bleiben unten erhalten: Bitte senden Sie sie in einer Stunde erneut ab.

applied-title = Vielen Dank für Ihre Bewerbung!
applied-text = Ihre Bewerbung für „{ $job }“ wurde an { $company } gesendet. Das Unternehmen wird Sie per E-Mail kontaktieren.
applied-back = Zurück zur Stelle
applied-receipt = Wir haben Ihnen eine Eingangsbestätigung gemailt. Mit ihren Links können Sie Ihre Bewerbung jederzeit zurückziehen oder Ihre Daten löschen, ganz ohne Konto.
applied-alert-title = Ähnliche Jobs per E-Mail erhalten
applied-alert-text = Neue Jobs zu { $search }, sobald sie erscheinen.
applied-alert-button = Job-Alarm einrichten
applied-similar = Ähnliche Jobs ansehen

## Job-Alerts
alert-cta = Neue Jobs zu dieser Suche per E-Mail erhalten
alert-new-title = Neue Jobs per E-Mail
alert-new-intro = Wir schicken Ihnen neue Stellen zu dieser Suche, sobald sie erscheinen. Jede E-Mail enthält einen Link, mit dem Sie sie jederzeit abbestellen können.
alert-search-label = Suche:
alert-all-jobs = Alle Jobs
alert-email = Ihre E-Mail-Adresse
alert-frequency = Wie oft
alert-frequency-instant = Sofort bei Veröffentlichung
alert-frequency-daily = Einmal am Tag
alert-frequency-weekly = Einmal pro Woche
alert-privacy = Wir verwenden Ihre Adresse nur für diese E-Mails.
alert-submit = Alert anlegen
alert-error-frequency = Wählen Sie, wie oft Sie E-Mails erhalten möchten.
alert-error-rate-limited = Von Ihrer Verbindung wurden zu viele Alerts angefordert. Bitte versuchen Sie es in einer Stunde erneut.
alert-check-inbox-title = Bitte prüfen Sie Ihr Postfach
alert-check-inbox = Wir haben einen Link an { $email } geschickt. Öffnen Sie ihn, um den Alert zu starten; bis dahin senden wir nichts weiter.
alert-confirm-title = Job-Alert bestätigen
alert-confirm-question = Sollen wir Ihnen neue Jobs zu dieser Suche schicken ({ $frequency })?
alert-confirm-button = Alert starten
alert-confirm-done = Ihr Alert ist aktiv. Sie erhalten neue Jobs zu dieser Suche: { $frequency }.
alert-unsubscribe-title = Job-Alert beenden
alert-unsubscribe-question = Keine E-Mails mehr zu dieser Suche erhalten?
alert-unsubscribe-button = E-Mails abbestellen
alert-unsubscribe-done = Sie erhalten keine E-Mails mehr zu dieser Suche.
alert-gone = Diesen Alert gibt es nicht mehr.

## Der Lebenslauf im Bewerbungsformular
apply-cv = Ihr Lebenslauf
apply-cv-hint = PDF, Word (DOCX) oder OpenDocument (ODT), bis 10 MB.

filter-near = Wo?
filter-near-placeholder = Stadt
filter-radius = Umkreis
filter-radius-km = Im Umkreis von { $km } km
filter-remote-include = Remote-Jobs einbeziehen
filter-chip-near = Im Umkreis von { $km } km um { $place }
filter-chip-near-remote = Im Umkreis von { $km } km um { $place } oder remote
filter-chip-bbox = Im Kartenausschnitt
search-notice-unknown-place = Den Ort „{ $place }“ kennen wir nicht, daher ist die Suche nicht auf eine Gegend beschränkt.
search-empty-wider = In einem größeren Umkreis suchen:
sort-distance = Entfernung
distance-km = { $km } km entfernt
distance-under-1-km = Weniger als 1 km entfernt
coordinates = { $lat }, { $lon }
latitude-north = { $degrees }° N
latitude-south = { $degrees }° S
longitude-east = { $degrees }° O
longitude-west = { $degrees }° W
cover-letter-optional = Freiwillig
cover-letter-required = Erforderlich
map-show = Karte zeigen
map-hide = Karte ausblenden
map-label = Die Jobs auf einer Karte
map-search-as-i-move = Beim Verschieben der Karte suchen
map-zoom-in = Auf diese Jobs zoomen
map-unavailable = Die Karte konnte nicht geladen werden. Die Liste zeigt alle Jobs.
map-unplaced = { $count ->
    [one] { $count } Job hat keinen Ort auf der Karte (remote).
   *[other] { $count } Jobs haben keinen Ort auf der Karte (remote).
}
