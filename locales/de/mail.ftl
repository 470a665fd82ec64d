## Mail to applicants
mail-greeting = Hallo { $name },
mail-received-subject = Ihre Bewerbung: { $job }
mail-received-body = vielen Dank für Ihre Bewerbung auf „{ $job }“ bei { $company }. Ihre Bewerbung ist angekommen und liegt dem Team vor.
mail-received-next = Sie erhalten eine Antwort per E-Mail. Sie müssen jetzt nichts weiter tun.
mail-received-change = Haben Sie es sich anders überlegt? Diese Links funktionieren ohne Konto:
mail-received-withdraw = Bewerbung zurückziehen
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

## Mail to the hiring team
mail-new-subject = Neue Bewerbung von { $name }: { $job }
mail-new-body = { $name } hat sich auf „{ $job }“ beworben.
mail-new-open = Bewerbung im Backoffice öffnen
