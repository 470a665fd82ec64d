## Mail to applicants
mail-greeting = Hallo { $name },
mail-received-subject = Ihre Bewerbung: { $job }
mail-received-body = vielen Dank für Ihre Bewerbung auf „{ $job }“ bei { $company }. Ihre Bewerbung ist angekommen und liegt dem Team vor.
mail-received-next = Sie erhalten eine Antwort per E-Mail. Sie müssen jetzt nichts weiter tun.
mail-received-change = Haben Sie es sich anders überlegt? Diese Links funktionieren ohne Konto:
mail-received-withdraw = Bewerbung zurückziehen
mail-received-export = Eine Kopie meiner Daten
mail-received-forget = Bewerbung und meine Daten löschen

## The links in the receipt
applicant-withdraw-title = Bewerbung zurückziehen
applicant-withdraw-question = Ihre Bewerbung auf „{ $job }“ zurückziehen? Das Team sieht, dass Sie sie zurückgezogen haben.
applicant-withdraw-button = Bewerbung zurückziehen
applicant-withdraw-done = Ihre Bewerbung ist zurückgezogen. Danke, dass Sie Bescheid gegeben haben.
applicant-withdraw-closed = Diese Bewerbung lässt sich nicht mehr zurückziehen: Über sie wurde bereits entschieden.
applicant-forget-title = Bewerbung löschen
applicant-forget-question = Ihre Bewerbung auf „{ $job }“ und alles, was Sie mitgeschickt haben, löschen? Das lässt sich nicht rückgängig machen.
applicant-forget-button = Bewerbung und Daten löschen
applicant-forget-done = Ihre Bewerbung und Ihre Daten sind gelöscht.
applicant-gone = Diese Bewerbung gibt es nicht mehr.

## Eine Kopie der Daten einer Bewerberin (Link der Bestätigung, Mail, Download)
applicant-export-title = Eine Kopie Ihrer Daten
applicant-export-question = { $count ->
    [one] Wir senden Ihnen einen Link, mit dem Sie alles herunterladen, was diese Jobbörse zu den Bewerbungen von Ihrer Adresse speichert, darunter „{ $job }“: eine Seite zum Lesen, eine Datei für andere Dienste und Ihre Lebensläufe. Der Link gilt { $count } Tag.
   *[other] Wir senden Ihnen einen Link, mit dem Sie alles herunterladen, was diese Jobbörse zu den Bewerbungen von Ihrer Adresse speichert, darunter „{ $job }“: eine Seite zum Lesen, eine Datei für andere Dienste und Ihre Lebensläufe. Der Link gilt { $count } Tage.
}
applicant-export-button = Kopie per E-Mail schicken
applicant-export-done = { $count ->
    [one] Der Link ist unterwegs an die Adresse dieser Bewerbung. Er kann einige Minuten brauchen und gilt { $count } Tag.
   *[other] Der Link ist unterwegs an die Adresse dieser Bewerbung. Er kann einige Minuten brauchen und gilt { $count } Tage.
}
applicant-export-limited = Sie haben heute schon mehrere Kopien angefordert. Bitte nutzen Sie den Link aus der letzten E-Mail oder fragen Sie morgen erneut.
mail-data-export-subject = Ihre Daten: der Download-Link
mail-data-export-body = { $count ->
    [one] hier ist die angeforderte Kopie dessen, was wir über Sie speichern: Ihre Bewerbung mit ihren Stufen, den Notizen des Teams und Ihrem Lebenslauf.
   *[other] hier ist die angeforderte Kopie dessen, was wir über Sie speichern: Ihre { $count } Bewerbungen mit ihren Stufen, den Notizen des Teams und Ihren Lebensläufen.
}
mail-data-export-download = Meine Daten herunterladen (ZIP)
mail-data-export-until = Der Link gilt bis { $date } (UTC). Wer den Link hat, kann die Datei laden: Leiten Sie diese E-Mail bitte nicht weiter.
mail-data-export-ignore = Nicht angefordert? Dann ignorieren Sie diese E-Mail: Der Link verfällt von selbst.
data-export-title = Eine Kopie Ihrer Daten
data-export-expired = Dieser Download-Link ist abgelaufen. Fordern Sie mit dem Link „Eine Kopie meiner Daten“ aus der Bestätigung Ihrer Bewerbung einen neuen an.
data-export-gone = Es gibt nichts mehr herunterzuladen: Die Bewerbungen wurden gelöscht.
export-title = Ihre Bewerbungen und die gespeicherten Daten
export-intro = Eine Kopie vom { $date } (UTC) von allem, was diese Jobbörse zu den Bewerbungen von { $email } speichert.
export-count = { $count ->
    [one] { $count } Bewerbung.
   *[other] { $count } Bewerbungen.
}
export-field-number = Bewerbungsnummer
export-field-name = Name
export-field-email = E-Mail
export-field-phone = Telefon
export-field-cover-letter = Anschreiben
export-field-stage = Stufe
export-field-rejection-reason = Angegebener Grund
export-field-consent = Einwilligung erteilt
export-field-cv = Lebenslauf
export-field-when = Datum
export-stages = Ihre Stufen
export-comments = Notizen des Teams

## Mail to the hiring team
mail-new-subject = Neue Bewerbung von { $name }: { $job }
mail-new-body = { $name } hat sich auf „{ $job }“ beworben.
mail-new-open = Bewerbung im Backoffice öffnen

## Job-Alerts
mail-alert-confirm-subject = Bitte bestätigen Sie Ihren Job-Alert: { $search }
mail-alert-confirm-body = Bitte bestätigen Sie, dass Sie neue Jobs zu „{ $search }“ per E-Mail erhalten möchten ({ $frequency }).
mail-alert-confirm-button = Alert bestätigen
mail-alert-confirm-ignore = Nicht von Ihnen angefordert? Ignorieren Sie diese E-Mail: Ohne Bestätigung erhalten Sie nichts weiter von uns.
mail-alert-digest-subject = { $count ->
    [one] 1 neuer Job: { $search }
   *[other] { $count } neue Jobs: { $search }
}
mail-alert-digest-intro = { $count ->
    [one] Ein neuer Job passt zu Ihrer Suche „{ $search }“:
   *[other] { $count } neue Jobs passen zu Ihrer Suche „{ $search }“:
}
mail-alert-digest-more = { $count ->
    [one] 1 weiteren ansehen
   *[other] { $count } weitere ansehen
}
mail-alert-digest-why = Sie erhalten diese E-Mail, weil Sie einen Job-Alert für diese Suche angelegt haben.
mail-alert-unsubscribe = Abbestellen

mail-job-approved-subject = Ihre Stellenanzeige ist online: { $job }
mail-job-approved-body = das Team der Jobbörse hat „{ $job }“ freigegeben: Die Anzeige ist jetzt auf der Website.
mail-job-rejected-subject = Ihre Stellenanzeige braucht Änderungen: { $job }
mail-job-rejected-body = das Team der Jobbörse hat „{ $job }“ an Sie zurückgegeben. Die Begründung:
mail-job-rejected-next = Ändern Sie die Anzeige und senden Sie sie erneut zur Prüfung.
mail-job-open = Anzeige öffnen

mail-employer-subject = Bestätigen Sie Ihre Adresse für { $company }
mail-employer-body = danke, dass Sie { $company } registriert haben. Bestätigen Sie Ihre Adresse, um abzuschließen:
mail-employer-button = Meine Adresse bestätigen
mail-employer-valid = Der Link gilt { $days } Tage.
mail-employer-next = Danach melden Sie sich an und schreiben Ihre Anzeigen; das Team der Jobbörse gibt Ihre Firma frei, bevor sie online gehen.
mail-employer-ignore = Sie haben sich nicht registriert? Ignorieren Sie diese E-Mail: Ohne Bestätigung kann das Konto nicht genutzt werden.

mail-posting-expiring-subject = { $count ->
    [1] „{ $job }“ endet morgen
   *[other] „{ $job }“ endet in { $count } Tagen
}
mail-posting-expiring-body = { $count ->
    [1] Ihre Anzeige „{ $job }“ endet morgen.
   *[other] Ihre Anzeige „{ $job }“ endet in { $count } Tagen.
}
mail-posting-expiring-date = Bewerbungen sind bis { $date } möglich.
mail-posting-expiring-extend = Länger veröffentlichen
mail-posting-expiring-nothing = Ist die Stelle besetzt, ist nichts zu tun: Die Anzeige endet von selbst.

mail-team-subject = Willkommen bei { $company } auf der Jobbörse
mail-team-body = { $inviter } hat Sie eingeladen, im Backoffice der Jobbörse die Anzeigen von { $company } zu schreiben und die Bewerbungen zu beantworten.
mail-team-button = Passwort festlegen
mail-team-valid = { $count ->
    [one] Der Link ist 1 Stunde gültig.
   *[other] Der Link ist { $count } Stunden gültig.
}
mail-team-ignore = Nicht erwartet? Ignorieren Sie diese E-Mail: Ohne Passwort kann das Konto nicht verwendet werden.
