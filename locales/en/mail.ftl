## Mail to applicants
mail-greeting = Hello { $name },
mail-received-subject = Your application: { $job }
mail-received-body = thank you for applying for “{ $job }” at { $company }. Your application has arrived and is with the hiring team.
mail-received-next = They will get back to you by email. You do not need to do anything now.
mail-received-change = Changed your mind? These links work without an account:
mail-received-withdraw = Withdraw my application
mail-received-export = Get a copy of my data
mail-received-forget = Delete my application and my data

## The links in the receipt
applicant-withdraw-title = Withdraw your application
applicant-withdraw-question = Withdraw your application for “{ $job }”? The hiring team will see that you withdrew it.
applicant-withdraw-button = Withdraw my application
applicant-withdraw-done = Your application is withdrawn. Thank you for letting us know.
applicant-withdraw-closed = This application can no longer be withdrawn: it has already been decided.
applicant-forget-title = Delete your application
applicant-forget-question = Delete your application for “{ $job }” and everything you sent with it? This cannot be undone.
applicant-forget-button = Delete my application and data
applicant-forget-done = Your application and your data are deleted.
applicant-gone = This application no longer exists.

## A copy of an applicant's data (the receipt's link, the mail, the download)
applicant-export-title = Get a copy of your data
applicant-export-question = { $count ->
    [one] We will email you a link to download everything this board keeps about the applications sent from your address, including “{ $job }”: a page to read, a file for other services, and your CVs. The link works for { $count } day.
   *[other] We will email you a link to download everything this board keeps about the applications sent from your address, including “{ $job }”: a page to read, a file for other services, and your CVs. The link works for { $count } days.
}
applicant-export-button = Email me a copy
applicant-export-done = { $count ->
    [one] The link is on its way to the address of this application. It may take a few minutes to arrive, and works for { $count } day.
   *[other] The link is on its way to the address of this application. It may take a few minutes to arrive, and works for { $count } days.
}
applicant-export-limited = You have asked for several copies today already. Please use the link in the last email, or ask again tomorrow.
mail-data-export-subject = Your data: the download link
mail-data-export-body = { $count ->
    [one] here is the copy you asked for of what we keep about you: your application, with its stages, the hiring team's notes and your CV.
   *[other] here is the copy you asked for of what we keep about you: your { $count } applications, with their stages, the hiring team's notes and your CVs.
}
mail-data-export-download = Download my data (ZIP)
mail-data-export-until = The link works until { $date } (UTC). Anyone with this link can download the file, so do not forward this email.
mail-data-export-ignore = Did not ask for this? You can ignore this email: the link expires by itself.
data-export-title = A copy of your data
data-export-expired = This download link has expired. Ask for a new one with the “Get a copy of my data” link in your application's receipt.
data-export-gone = There is nothing left to download: the applications were deleted.
export-title = Your applications and the data kept about them
export-intro = A copy, made on { $date } (UTC), of everything this board keeps about the applications sent from { $email }.
export-count = { $count ->
    [one] { $count } application.
   *[other] { $count } applications.
}
export-field-number = Application number
export-field-name = Name
export-field-email = Email
export-field-phone = Phone
export-field-cover-letter = Cover letter
export-field-stage = Stage
export-field-rejection-reason = Reason given
export-field-consent = Consent given
export-field-cv = CV
export-field-when = Date
export-stages = Its stages
export-comments = The hiring team's notes

## Mail to the hiring team
mail-new-subject = New application from { $name }: { $job }
mail-new-body = { $name } applied for “{ $job }”.
mail-new-open = Open the application in the back office

## Job alerts
mail-alert-confirm-subject = Confirm your job alert: { $search }
mail-alert-confirm-body = Please confirm that you want new jobs for “{ $search }” by email ({ $frequency }).
mail-alert-confirm-button = Confirm the alert
mail-alert-confirm-ignore = Did not ask for this? Ignore this email: without confirmation you get nothing else from us.
mail-alert-digest-subject = { $count ->
    [one] 1 new job: { $search }
   *[other] { $count } new jobs: { $search }
}
mail-alert-digest-intro = { $count ->
    [one] One new job matches your search “{ $search }”:
   *[other] { $count } new jobs match your search “{ $search }”:
}
mail-alert-digest-more = { $count ->
    [one] See 1 more
   *[other] See { $count } more
}
mail-alert-digest-why = You get this email because you asked for job alerts for this search.
mail-alert-unsubscribe = Unsubscribe

mail-job-approved-subject = Your posting is live: { $job }
mail-job-approved-body = the board's team approved “{ $job }”: it is on the site now.
mail-job-rejected-subject = Your posting needs changes: { $job }
mail-job-rejected-body = the board's team sent “{ $job }” back to you. Their reason:
mail-job-rejected-next = Change the posting and send it for review again.
mail-job-open = Open the posting

mail-employer-subject = Confirm your address for { $company }
mail-employer-body = thank you for signing up { $company }. Confirm your address to finish:
mail-employer-button = Confirm my address
mail-employer-valid = The link works for { $days } days.
mail-employer-next = After that, sign in and write your postings; the board's team approves your company before they go live.
mail-employer-ignore = Did not sign up? Ignore this email: without confirmation the account cannot be used.

mail-posting-expiring-subject = { $count ->
    [1] “{ $job }” closes tomorrow
   *[other] “{ $job }” closes in { $count } days
}
mail-posting-expiring-body = { $count ->
    [1] your posting “{ $job }” closes tomorrow.
   *[other] your posting “{ $job }” closes in { $count } days.
}
mail-posting-expiring-date = It takes applications until { $date }.
mail-posting-expiring-extend = Keep it open longer
mail-posting-expiring-nothing = If the position is filled, there is nothing to do: the posting closes by itself.

mail-team-subject = Join { $company } on the job board
mail-team-body = { $inviter } invited you to write { $company }'s postings and answer its applicants in the job board's back office.
mail-team-button = Set my password
mail-team-valid = { $count ->
    [one] The link works for 1 hour.
   *[other] The link works for { $count } hours.
}
mail-team-ignore = Not expecting this? Ignore this email: without a password the account cannot be used.
