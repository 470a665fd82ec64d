## The back office (/admin): shown in each admin's own language.

admin-title = Hireboard admin
admin-nav-label = Back office
admin-nav-dashboard = Dashboard
admin-nav-jobs = Postings
admin-nav-companies = Companies
admin-nav-skills = Skills
admin-nav-applications = Applications
admin-nav-comments = Comments
admin-nav-audit-log = Audit log
admin-nav-data-requests = Data requests
admin-nav-admin-users = Admin users
admin-breadcrumbs = Breadcrumbs
admin-language = Language of the back office
admin-language-save = Switch
admin-locale-saved = The back office now speaks English.
admin-logout = Log out
admin-logout-everywhere = Log out everywhere
admin-logged-out = You have been logged out.
admin-logged-out-everywhere = { $count ->
    [one] You have been logged out of { $count } session.
   *[other] You have been logged out of { $count } sessions.
}
admin-none = Nothing yet.
admin-close = Close

admin-shortcuts-title = Keyboard shortcuts
admin-shortcut-search = Search this list
admin-shortcut-new = New record
admin-shortcut-help = Show this help

role-admin = Administrator
role-editor = Editor
role-translator = Translator
role-viewer = Viewer
role-recruiter = Recruiter

admin-login-title = Sign in
admin-login-email = Email address
admin-login-password = Password
admin-login-submit = Sign in
admin-login-invalid = The email address or password is wrong.
admin-login-unverified = Confirm your address first: open the link we sent you when you signed up.
admin-login-locked = Too many failed attempts: this account is locked for 15 minutes.
admin-login-rate-limited = Too many sign-in attempts from your network. Please wait a few minutes.

admin-dashboard-figures = Key figures
admin-dashboard-open-postings = open postings
admin-dashboard-drafts = drafts awaiting review
admin-dashboard-applications-week = applications this week
admin-dashboard-chart-title = Postings published per week
admin-dashboard-chart-summary = { $count } postings published in the last { $weeks } weeks.
admin-dashboard-top-skills = Top skills in open postings
admin-dashboard-recent-applications = Recent applications
admin-col-applicant = Applicant
admin-col-posting = Posting
admin-col-stage = Stage
admin-col-received = Received

admin-new = New
admin-scopes = Scopes
admin-scope-all = All
admin-scope-hiring = Hiring
admin-per-page = Per page
admin-apply = Apply
admin-index-empty = No records match these filters.
admin-pagination = Pages
admin-previous = Previous
admin-next = Next
admin-total-records = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
admin-filters = Filters
admin-filter-op = match
admin-filter-op-contains = contains
admin-filter-op-equals = equals
admin-filter-op-starts_with = starts with
admin-filter-any = Any
admin-filter-yes = Yes
admin-filter-no = No
admin-filter-from = From
admin-filter-to = To
admin-filter-association-hint = Type a name
admin-filter-apply = Filter
admin-filter-clear = Clear filters

admin-field-title = Title
admin-field-company = Company
admin-field-status = Status
admin-field-workplace = Workplace
admin-field-city = City
admin-field-country = Country
admin-field-skill = Skill
admin-field-name = Name
admin-field-person-name = Name
admin-field-website = Website
admin-field-has-website = Has a website
admin-field-has-salary = Shows a salary
admin-field-salary-min = Minimum salary
admin-field-published-at = Published
admin-field-updated-at = Updated
admin-field-created-at = Created

status-draft = Draft
status-published = Published
status-expired = Expired
status-filled = Filled
status-archived = Archived
status-pending_review = In review
admin-field-email = Email address
admin-field-role = Role
admin-field-locked = Locked
admin-field-last-login = Last sign-in

admin-view-public = View on the site
admin-panel-posting = Posting
admin-panel-dates = Dates
admin-panel-content = Content
admin-panel-company = Company
admin-panel-postings = Postings
admin-panel-account = Account
admin-field-slug = Slug
admin-field-language = Language
admin-field-salary = Salary
admin-field-skills = Skills
admin-field-valid-through = Open until
admin-field-summary = Summary
admin-field-responsibilities = Responsibilities
admin-field-requirements = Requirements
admin-field-benefits = Benefits
admin-field-posting = Posting
admin-field-size = Size
admin-field-description = Description
admin-field-failed-logins = Failed sign-ins in a row
admin-field-locked-until = Locked until

admin-comments = Comments
admin-comments-none = No comments yet.
admin-comment-new = Add a comment
admin-comment-submit = Comment
admin-comment-added = Your comment was added.
admin-comment-empty = A comment cannot be empty.
admin-comment-too-long = A comment can have at most 5,000 characters.
admin-comment-former-user = A former user

admin-history = History
admin-history-none = No changes recorded yet.
admin-history-field = Field
admin-history-before = Before
admin-history-after = After
admin-history-create = { $actor } created { $record }
admin-history-update = { $actor } changed { $record }
admin-history-delete = { $actor } deleted { $record }
admin-history-status = { $actor } changed the status of { $record }

admin-confirm = Are you sure?
admin-action-publish = Publish
admin-action-unpublish = Unpublish
admin-action-fill = Mark as filled
admin-action-archive = Archive
admin-status-changed = The posting is now { $status }.
admin-status-not-allowed = A posting that is { $from } cannot become { $to }.

admin-cancel = Cancel
admin-action-delete = Delete
admin-batch-label = With the selected rows
admin-batch-apply = Apply
admin-batch-select-all = Select all rows on this page
admin-batch-select = Select row
admin-batch-none-selected = Select at least one row first.
admin-batch-too-many = At most { $max } rows can be changed at once.
admin-batch-confirm-title = Please confirm
admin-batch-confirm = { $action }: { $count }?
admin-batch-done = { $action }: { $count } done.
admin-batch-skipped = { $count ->
    [one] { $count } record was left as it was: the action does not apply to it.
   *[other] { $count } records were left as they were: the action does not apply to them.
}
admin-export = Download the filtered list:
admin-field-id = ID
admin-field-employment-type = Employment type
admin-field-seniority = Seniority
admin-field-salary-max = Maximum salary
admin-field-salary-currency = Currency

admin-scope-unused = Unused
admin-panel-skill = Skill
admin-panel-applicant = Applicant
admin-panel-pipeline = Pipeline
admin-panel-entry = Entry
admin-panel-changes = Changes
admin-panel-comment = Comment
admin-field-phone = Phone
admin-field-cover-letter = Cover letter
admin-field-consent-at = Consent given
admin-field-rejection-reason = Reason for rejection
admin-field-when = When
admin-field-actor = Who
admin-field-action = Action
admin-field-resource = Kind of record
admin-field-record = Record
admin-field-author = Author
admin-field-comment = Comment
admin-audit-action-create = Created
admin-audit-action-update = Changed
admin-audit-action-delete = Deleted
admin-audit-action-status = Status changed
admin-audit-action-unsubscribe = Unsubscribed
application-status-new = New
application-status-reviewing = Reviewing
application-status-interview = Interview
application-status-offer = Offer
application-status-hired = Hired
application-status-rejected = Rejected
application-status-withdrawn = Withdrawn
admin-stage-to-reviewing = Start review
admin-stage-to-interview = Invite to interview
admin-stage-to-offer = Make an offer
admin-stage-to-hired = Mark as hired
admin-stage-to-rejected = Reject
admin-stage-to-withdrawn = Mark as withdrawn
admin-stage-changed = The application is now at: { $stage }.
admin-stage-not-allowed = An application at “{ $from }” cannot move to “{ $to }”.
admin-stage-reason-missing = Please give a reason for the rejection.
admin-stage-reason-too-long = The reason can have at most { $max } characters.
admin-board-title = Applications board
admin-board-list = Show as a list
admin-board-view = Show as a board
admin-board-truncated = Only the newest { $max } applications are shown; filter to see others.
admin-views = Saved views
admin-views-none = No saved views yet.
admin-view-name = Save this view as
admin-view-save = Save view
admin-view-delete = Delete the saved view
admin-view-saved = Saved the view “{ $name }”.
admin-view-deleted = The saved view was deleted.
admin-view-name-missing = Give the view a name.
admin-view-name-too-long = A view's name can have at most { $max } characters.
admin-view-too-many = You can keep at most { $max } views of one list.
admin-action-merge = Merge into another skill
admin-merge-into = Merge into (name of the skill to keep)
admin-merge-target-missing = There is no skill with that name to merge into; nothing was changed.
admin-batch-input-missing = Please fill in the field to continue.
admin-invite-title = Invite a user
admin-invite-intro = The new user gets a one-time link to set a password; it works for 72 hours.
admin-invite-submit = Create the invitation
admin-invite-done = Invitation created. Send this one-time link to the new user (it is shown only now): { $link }
admin-invite-email-invalid = Enter a valid email address.
admin-invite-email-taken = A user with this email address already exists.
admin-password-title = Set your password
admin-password-new = New password (at least 12 characters)
admin-password-confirm = Repeat the password
admin-password-submit = Set password
admin-password-set = Your password is set. You can sign in now.
password-too-short = The password needs at least { $min } characters.
password-too-long = The password may have at most { $max } characters.
password-common = This password is on the lists of common passwords that attackers try first. Please choose another one.
password-pattern = Keyboard rows, repeats and sequences such as “abc” or “1234” are easy to guess. Please choose another password.
password-dates = Years and dates are easy to guess. Please choose another password.
password-words = Single words, names and your own address are easy to guess. A few unrelated words together make a good password.
password-guessable = This password is easy to guess. A few unrelated words together make a good password.
admin-password-mismatch = The two passwords differ.
admin-password-link-invalid = This link has expired or was already used. Ask an administrator for a new invitation.

## New and edit forms
admin-field-remote-countries = Remote from
admin-field-latitude = Latitude
admin-field-longitude = Longitude
admin-field-salary-period = Salary period
admin-new-title = { $resource }: new
admin-edit = Edit
admin-edit-title = Edit { $record }
admin-form-create = Create
admin-form-save = Save changes
admin-form-details = Details
admin-form-content = Text and translations
admin-form-errors = { $count ->
    [one] One field needs attention
   *[other] { $count } fields need attention
}
admin-form-translate-only = You can change the translations. The other fields are read-only for your role.
admin-tab-original = { $language } (original)
admin-tab-original-new = Original text
admin-translation-missing = missing
admin-translation-outdated = out of date
admin-translation-current = up to date
admin-translation-confirm = This translation still matches the original
admin-created = { $resource }: record created.
admin-saved = Changes saved.
admin-deleted = Deleted.
admin-delete-title = Delete { $record }
admin-delete-question = Delete “{ $record }”? This cannot be undone.
admin-delete-refused-applications = This posting has applications, so it cannot be deleted. Archive it instead.
admin-delete-refused-postings = This company has postings, so it cannot be deleted. Delete its postings first.
admin-preview = Preview
admin-action-duplicate = Duplicate
admin-duplicated = A copy was created as a draft. Review it before publishing.
admin-shortcut-edit = Edit the record
admin-hint-association = Start typing to see suggestions, or type #id.
admin-hint-original-locale = The language the text is written in. It cannot change later.
admin-hint-slug = The record's address on the site. Left empty, it is made from the name.
admin-hint-remote-countries = For remote work: country codes, separated by commas, like DE, AT.
admin-hint-skills = Separated by commas, like Rust, PostgreSQL.
admin-hint-one-per-line = One item per line.
admin-hint-company-size = Number of employees, like 51-200.
admin-hint-skill-name = Renaming changes the skill's search address.
admin-error-required = This field is required.
admin-error-too-long = Use at most { $max } characters.
admin-error-choice = Choose one of the options.
admin-error-integer = Enter a whole number.
admin-error-decimal = Enter a number within the allowed range.
admin-error-date = Enter a date as YYYY-MM-DD.
admin-error-date-range = Choose a day from 1970 to 2037.
admin-error-url = Enter a full web address starting with https://.
admin-error-invalid = This value is not valid.
admin-error-translation-is-original = This is the original language: write this text in the original tab.
admin-error-no-match = Nothing is called “{ $name }”. Pick a suggestion or type #id.
admin-error-ambiguous = Several records are called “{ $name }”. Type #id to choose one.
admin-error-city-required = A city is needed unless the posting is remote.
admin-error-country-code = “{ $code }” is not a country code (ISO 3166, such as DE).
admin-error-coordinates = Give both latitude and longitude, or neither.
admin-error-negative = Enter zero or more.
admin-error-salary-range = The maximum must not be below the minimum.
admin-error-salary-needs = Needed when a salary is given.
admin-error-too-many = Give at most { $max }.
admin-error-item-too-long = “{ $item }” is too long.
admin-error-skill-name = The name needs at least one Latin letter or digit.
admin-error-skill-taken = A skill with this name exists. To combine two skills, use “Merge into” on the skills list.
admin-error-slug = Use lower-case letters, digits and dashes only.
admin-error-taken = This is already taken.
admin-hint-role = Admins manage everything, including users; editors manage content and applications; translators edit translations; viewers only read; recruiters work for their companies only.
admin-error-last-admin = The board needs at least one admin: make someone else an admin first.
admin-field-companies = Companies
admin-hint-companies = For recruiters: the companies they work for, by name or #id, separated by commas.
admin-error-recruiter-company = A recruiter works for at least one company.
admin-error-companies-for-recruiters = Only recruiters are bound to companies: leave this empty or make them a recruiter.
admin-delete-refused-last-admin = This is the last admin, so it cannot be deleted. Make someone else an admin first.

## Background tasks
admin-nav-tasks = Tasks
task-state-queued = Queued
task-state-retrying = Retrying
task-state-running = Running
task-state-done = Done
task-state-dead = Dead
admin-field-task-kind = Kind
admin-field-queue = Queue
admin-field-attempts = Attempts
admin-field-run-at = Runs at
admin-field-last-error = Last error
admin-field-priority = Priority
admin-field-dedup-key = De-duplication key
admin-field-worker = Worker
admin-field-lease-until = Lease until
admin-field-started-at = Started
admin-field-finished-at = Finished
admin-field-arguments = Arguments
admin-field-errors = Errors, newest first
admin-panel-task = Task
admin-panel-arguments = Arguments
admin-panel-errors = Errors
task-attempt = Attempt { $attempt }
admin-action-retry-now = Retry now
admin-action-discard = Discard
admin-action-retry-all-dead = Retry all dead
admin-task-unchanged = This task cannot be changed in its current state.
admin-task-discarded = Task discarded.
admin-task-retried = The task runs as soon as a worker is free.
admin-tasks-retried = { $count ->
    [one] One dead task runs again.
   *[other] { $count } dead tasks run again.
}
task-schedule-expire-postings = Expires published postings past their closing date.
task-schedule-expiry-reminders = Reminds recruiters 7 days and 1 day before their postings close, with a link to extend them.
task-schedule-purge-tasks = Deletes finished tasks older than seven days.
task-schedule-optimize-database = Refreshes the database’s statistics every hour, so that lists keep using their indexes as they grow.
admin-tasks-overview = Overview and schedule
admin-tasks-all = All tasks
admin-tasks-by-queue = By queue
admin-tasks-throughput = Finished in the last 24 hours (UTC)
admin-tasks-hour = { $hour }: { $counts }
admin-tasks-chart-summary = In the last 24 hours: { $done } done, { $dead } dead.
admin-tasks-schedule = Recurring tasks
admin-schedule-hint = Cron expressions in UTC: minute, hour, day of month, month, weekday. For example */5 * * * * runs every five minutes.
admin-schedule-cron = Schedule
admin-schedule-enabled = On
admin-schedule-last-run = Last run
admin-schedule-next-run = Next run
admin-schedule-off = off
admin-schedule-never = never
admin-schedule-saved = Schedule saved.
admin-schedule-invalid = “{ $expression }” is not a valid schedule: { $error }. Nothing was changed.

## Outbox
admin-nav-outbox = Outbox
admin-field-subject = Subject
admin-field-to = To
admin-field-headers = Headers
admin-field-html-version = HTML version
admin-outbox-open-html = Open the HTML version
admin-field-text-version = Text
admin-panel-message = Message
admin-panel-text-version = Plain text
admin-field-contact-email = Contact for applications
admin-hint-contact-email = New applications to the company's postings are announced here.
admin-error-email = Enter an email address, like jobs@example.com.

## Webhooks
webhook-error-url = This is not a web address ({ $detail }).
webhook-error-scheme = Webhooks go to http:// or https:// addresses only, not { $detail }.
webhook-error-credentials = Put credentials in the secret, not in the address.
webhook-error-resolve = The host could not be found ({ $detail }).
webhook-error-private = This address leads into a private network ({ $detail }); webhooks go to public addresses only.
admin-nav-webhooks = Webhooks
admin-nav-webhook-deliveries = Webhook deliveries
admin-field-url = Address
admin-field-events = Events
admin-field-secret = Signing secret
admin-field-deliveries = Latest deliveries
admin-field-event = Event
admin-field-duration = Duration
admin-field-payload = Body
admin-panel-webhook = Endpoint
admin-panel-deliveries = Deliveries
admin-panel-delivery = Delivery
admin-scope-failed = Failed
admin-webhook-on = On
admin-webhook-off = Off
admin-hint-webhook-url = Where events are posted. Only public https:// or http:// addresses.
admin-hint-webhook-events = Comma-separated: job.published, job.updated, job.expired, application.created, application.stage_changed, or * for all.
admin-error-event-kind = “{ $kind }” is not an event this board sends.
admin-action-replay = Send again
admin-webhook-replayed = The event will be sent again.
admin-action-rotate-secret = Rotate the secret
admin-action-webhook-ping = Send a test event
admin-webhook-pinged = A test event (webhook.ping) is on its way; its delivery shows below in a moment.
admin-error-webhook-limit = This board already has { $max } webhook endpoints, the most it takes. Remove one, or subscribe an existing one to more events.
admin-webhook-secret-rotated = The endpoint has a new secret. For 24 hours deliveries are signed with the old one too, so the receiver can switch without losing any.
admin-webhook-replay-pending = A delivery of this event to this endpoint is already waiting.

## Job alerts
admin-nav-alerts = Job alerts
admin-field-search = Search
admin-field-frequency = Frequency
admin-field-confirmed-at = Confirmed
admin-field-last-sent-at = Last digest
admin-field-sent-count = Postings sent
admin-panel-alert = Alert
admin-scope-active = Active
admin-scope-pending = Waiting for confirmation
admin-scope-unsubscribed = Unsubscribed
admin-action-unsubscribe = Unsubscribe
alert-status-active = Active
alert-status-pending = Waiting for confirmation
alert-status-unsubscribed = Unsubscribed
task-schedule-alerts-instant = Mails instant job alerts that missed a publication's own run.
task-schedule-alerts-daily = Mails the daily job alert digests.
task-schedule-alerts-weekly = Mails the weekly job alert digests.

## Uploads
admin-field-cv = CV
admin-no-cv = No CV attached
admin-file-size-kb = { $size } KB

task-schedule-purge-uploads = Deletes stored files (CVs, logos) that nothing refers to any more.
task-schedule-purge-applications = Deletes applications (with their CVs and notes) untouched for longer than the retention period.
admin-field-logo = Logo
admin-hint-logo = PNG, JPEG, WebP or GIF, up to 5 MB and 4096 × 4096 pixels. Shown on the company's page and its postings.
admin-logo-of = Logo of { $name }
admin-image-remove = Remove the current image

## Two-factor sign-in
admin-login-code-title = Enter your code
admin-login-code-label = Code
admin-login-code-hint = The 6-digit code your authenticator app shows for Hireboard, or one of your recovery codes.
admin-login-code-submit = Verify
admin-login-code-start-over = Sign in with another account
admin-login-code-invalid = That code is wrong or has been used already. Wait for the next one and try again.
admin-login-code-expired = The sign-in took too long. Please enter your password again.
admin-recovery-code-used = { $count ->
    [0] You signed in with your last recovery code. Make new ones on the two-factor sign-in page now.
    [one] You signed in with a recovery code; { $count } is left. Make new ones on the two-factor sign-in page.
   *[other] You signed in with a recovery code; { $count } are left.
}
admin-two-factor-link = Two-factor sign-in
admin-two-factor-title = Two-factor sign-in
admin-two-factor-required = Your role must sign in with a second factor. Turn it on to continue.
admin-two-factor-enrol-title = Turn on two-factor sign-in
admin-two-factor-step-app = Install an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or 1Password).
admin-two-factor-step-scan = Scan this QR code with the app.
admin-two-factor-step-type = Or type this key into the app:
admin-two-factor-step-code = Enter the 6-digit code the app now shows.
admin-two-factor-qr-alt = QR code for your authenticator app
admin-two-factor-code = Code from the app
admin-two-factor-code-or-recovery = Code from the app, or a recovery code
admin-two-factor-enable = Turn on
admin-two-factor-code-wrong = That code is wrong or has been used already. Check the time on your phone and try the next code.
admin-two-factor-locked = Too many wrong codes: your account is locked for 15 minutes.
admin-two-factor-enabled = Two-factor sign-in is on. From now on you sign in with your password and a code.
admin-two-factor-codes-title = Your recovery codes
admin-two-factor-codes-intro = If you lose your phone, each of these codes signs you in once. Save them somewhere safe now (a password manager, or on paper): they are shown only this once.
admin-two-factor-codes-saved = I have saved my codes
admin-two-factor-codes-replaced = New recovery codes are ready; the old ones no longer work.
admin-two-factor-on-title = Two-factor sign-in is on
admin-two-factor-on-since = On since { $since }.
admin-two-factor-codes-left = { $count ->
    [0] You have no recovery codes left. Make new ones.
    [one] You have { $count } unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
admin-two-factor-codes-heading = Recovery codes
admin-two-factor-disable-heading = Turn off two-factor sign-in
admin-two-factor-disable-hint = Without it, your password alone signs you in. Confirm with a current code.
admin-two-factor-new-codes = Make new recovery codes
admin-two-factor-disable = Turn off
admin-two-factor-disabled = Two-factor sign-in is off.
admin-field-two-factor = Two-factor sign-in since
admin-action-reset-two-factor = Reset two-factor sign-in
admin-two-factor-reset-done = Two-factor sign-in was turned off for this user. They sign in with their password and can enrol again.
admin-two-factor-reset-none = This user had no two-factor sign-in; nothing changed.
admin-two-factor-value-on = On
admin-two-factor-value-off = Off
admin-board-move = Move
admin-board-move-label = Move { $name } to
admin-board-hint = Move a card with its menu, or drag it to another column. Rejecting asks for a reason on the application’s page.
admin-stage-confirm = Move { $name } to “{ $stage }”?
admin-stage-reason-hint = Only your team sees the reason; the applicant is not told it.
admin-search-title = Search
admin-search-label = Search the back office
admin-search-placeholder = Search…
admin-search-hint = Postings by title, address or #number, companies by name, applications by name or email, users by email.
admin-search-nothing = Nothing found for “{ $q }”.
admin-search-more = See all in the list
admin-search-submit = Search
admin-field-translations = Translations

## API tokens
admin-nav-api-tokens = API tokens
admin-field-token = Token
admin-field-scopes = Scopes
admin-field-expires-at = Expires
admin-field-last-used-at = Last used
admin-field-last-used-from = Last used from
admin-field-revoked-at = Revoked
admin-field-example = A request with it
admin-panel-api-token = API token
admin-panel-api-usage = Use
admin-token-active = Active
admin-token-expired = Expired
admin-token-revoked = Revoked
admin-token-every-company = Every company
admin-action-revoke = Revoke
admin-token-revoked-notice = The token is revoked: its next request is refused.
admin-token-already-revoked = This token was already revoked.
admin-hint-token-company = Optional for staff (a recruiter chooses one of their companies). A token for one company sees and changes only that company's postings and applications.
admin-hint-token-expires = Optional. The token stops working at the end of this day.
admin-error-token-expiry = Choose a day in the future.
admin-error-token-own-company = Choose one of your companies: your tokens work for it alone.
admin-field-token-reviewed = Postings go through review
admin-secret-once = Copy the token now: it is shown only this once.
admin-secret-copy = Copy
admin-secret-copied = Copied

## Places
admin-nav-places = Places
admin-panel-place = Place
admin-field-country-code = Country code
admin-field-population = Population
admin-field-geonames-id = GeoNames id
admin-field-names = Names in other languages
admin-field-coordinates = Coordinates
admin-hint-country-code = Two letters, ISO 3166-1 (DE, UA, AT).
admin-hint-population = Decides which place a name means when several share it: the most populous.
admin-error-country-code-format = Enter the country as two letters, such as DE.
admin-scope-untranslated = Names missing
admin-delete-refused-place = Postings or companies are in this place, so it cannot be deleted.
admin-field-street-address = Street address
admin-hint-street-address = Optional. Set its point on the map below, or type its latitude and longitude; without one, the city's point is used.
admin-map-find = Find a place
admin-map-label = Map: click or drag the marker to set the point
admin-map-hint = Search a place or click the map; drag the marker to adjust. The latitude and longitude fields follow.
admin-map-unavailable = The map could not be loaded; type the latitude and longitude instead.
admin-map-set = Point set to { $lat }, { $lon }.

## Translations: the translators' workspace
admin-nav-translations = Translations
translations-intro = Every message of the site and the back office, beside English. Saved texts show at once on every server; download a language's files to put them into the repository.
translations-language = Language
translations-progress = Progress
translations-percent-done = { $percent } % done
translations-file = File
translations-files = Files
translations-download = Download { $file }
translations-source-language = Source language
translations-state = State
translations-state-missing = Missing
translations-state-untranslated = Same as English
translations-state-outdated = Out of date
translations-state-done = Done
translations-state-all = Every state
translations-file-all = Every file
translations-search = Text or id
translations-filter = Filter
translations-english = English
translations-translation = Translation
translations-id = Message id
translations-edit = Edit
translations-edited = Edited here
translations-count =
    { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
translations-none-match = No message matches these filters.
translations-editing = { $id } in { $language }
translations-english-source = English source
translations-note = Note for translators
translations-text = Text
translations-text-hint = Fluent syntax, as in the .ftl file: keep the variables such as { "{" } $count { "}" }; multi-line variants are indented.
translations-variables = Variables
translations-variables-none = This message takes no variables.
translations-plural-forms = Plural forms of this language
translations-preview = Preview
translations-preview-button = Preview
translations-save-button = Save
translations-revert-button = Back to the shipped text
translations-preview-with = With { $values }:
translations-saved = Saved “{ $id }” in { $language }.
translations-reverted = “{ $id }” in { $language } is the shipped text again.
translations-unchanged = Nothing to save: the text is the shipped one.
translations-shipped = Shipped text
translations-saved-by = Saved by { $name } on { $date }
translations-back = All messages
translations-error-empty = Enter the text.
translations-error-too-long = The text is too long: at most { $max } characters.
translations-error-syntax = The Fluent syntax is broken near line { $line }. Check the braces, the variants and their indentation.
translations-error-not-one = Enter one message's text, not several messages.
translations-error-variables-unknown = English has no variable { $names }: use only English's.
translations-error-variables-missing = English uses { $names }: keep it in the translation.
translations-error-plural = Plural variants are missing for { $forms }.
translations-error-summary = The text was not saved:

## Imports: spreadsheets of postings and companies.
import-column-reference = Reference
import-column-id = ID
import-error-empty = The file is empty.
import-error-no-rows = The file has a header row but no rows below it.
import-error-format = This file is not a spreadsheet: use an XLSX, ODS or CSV file.
import-error-old-excel = This is an Excel 97–2003 workbook (.xls): save it as .xlsx and use that.
import-error-too-large = The file is larger than { $megabytes } MB: split it into smaller files.
import-error-too-many-rows = The file has more than { $max } rows: split it into smaller files.
import-error-encoding = The file is not valid { $encoding } text: choose the encoding it was saved in.
import-error-merged = The sheet has merged cells ({ $cells }): unmerge them so that each cell holds one value.
import-error-duplicate-header = Two columns are headed “{ $header }”: give each column its own header.
import-error-damaged = The file is damaged and cannot be read: save it again from your spreadsheet program.
import-error-io = The file could not be read.
import-error-formula = Cell { $cell } holds a formula (={ $formula }): the import takes values only, so paste the values over it.
import-error-repeated-reference = The reference “{ $reference }” is also on row { $row }: each row needs its own.
import-error-no-record = There is no record with the ID { $id } that you may change.
import-reason-column = { $column }: { $reason }
import-reason-field = { $field }: { $reason }
import-cli-failure = Row { $row }: { $reason }
import-count-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
import-count-created = { $count } created
import-count-updated = { $count } updated
import-count-unchanged = { $count } unchanged
import-count-failed = { $count } failed
import-state-dry-run = Dry run: nothing was written.
import-state-done = Imported.
import-state-rolled-back = Nothing was imported: the board is as it was.
import-button = Import
import-title = Import { $resource }
import-intro = Upload a spreadsheet (XLSX, ODS or CSV, up to 100 MB): its first row names the columns. You choose what each column fills, a dry run checks every row, then the import runs in the background.
import-file = Spreadsheet
import-encoding = Encoding of a CSV file
import-encoding-guess = Recognise automatically
import-encoding-hint = Only for CSV files whose letters come out wrong: the encoding they were saved in.
import-upload = Upload and map the columns
import-error-no-file = Choose a spreadsheet to upload.
import-error-stopped = The run stopped before it ended: start it again.
import-to-records = Back to the list
import-checking = Checking every row…
import-running = Importing…
import-one-transaction = All or nothing: the rows are written in one go at the end, so the count stays at zero until then.
import-checked = Dry run finished: nothing was written
import-done = Import finished
import-failed-rows = Rows that failed
import-row = Row
import-reasons = Why
import-download-failures = Download the failed rows (XLSX, with the reasons beside them)
import-mode = When some rows fail
import-mode-skip = Import the rows that pass and list the others
import-mode-all = Import nothing unless every row passes
import-start = Start the import
import-mapping = Columns
import-mapping-hint = Each column fills the field chosen beside it; columns set to “Leave out” are not imported. A reference column lets a later import of the same file update these records instead of adding new ones.
import-column = Column in the file
import-fills = Fills
import-column-ignore = Leave out
import-check = Check every row (dry run)
import-progress = { $done } of { $total } rows
import-seconds-left = { $count ->
    [one] about { $count } second left
   *[other] about { $count } seconds left
}
import-more-failures = { $count ->
    [one] …and { $count } more row: download them all below.
   *[other] …and { $count } more rows: download them all below.
}
import-failures-file = failed
import-failures-row = Row
import-failures-reasons = Why it failed
import-status-mapping = Columns to map
import-status-checking = Dry run running
import-status-checked = Checked
import-status-running = Importing
import-status-done = Done
import-status-failed = Failed
import-templates = Templates
import-templates-hint = An empty workbook with the headers the import understands, in each language: fill it in and upload it.
import-create-companies = Create the companies the file names that the board does not have yet (by their name)
import-count-companies = { $count ->
    [one] { $count } company created
   *[other] { $count } companies created
}
import-upload-again = Upload a file again

## Partners' feeds in
admin-nav-feed-sources = Feed sources
admin-panel-feed-source = Feed source
admin-panel-feed-runs = Latest runs
admin-field-feed-format = Format
admin-field-schedule = Schedule
admin-field-next-run = Next run
admin-field-feed-publish = New postings
admin-field-feed-runs = Runs
admin-hint-feed-url = The address of the feed your applicant-tracking system publishes, such as https://boards-api.greenhouse.io/v1/boards/yourcompany/jobs?content=true
admin-hint-feed-language = The language the feed's postings are written in.
admin-action-feed-fetch = Fetch now
admin-feed-fetch-queued = The feed will be fetched in a moment; the run shows below.
feed-format-greenhouse = Greenhouse job board (JSON)
feed-format-indeed = Indeed XML
feed-publish-on = Published at once
feed-publish-off = Kept as drafts for review
feed-every-hours = { $count ->
    [one] every hour
   *[other] every { $count } hours
}
feed-run-ok = done
feed-run-failed = failed, nothing changed
feed-count-postings = { $count ->
    [one] { $count } posting in the feed
   *[other] { $count } postings in the feed
}
feed-count-closed = { $count } closed
feed-error-syntax = The feed could not be read in the chosen format.
feed-error-too-many = The feed holds more than { $max } postings.
feed-error-refused = The feed's address cannot be fetched ({ $detail }).
feed-error-status = The feed's server answered with HTTP status { $status }.
feed-error-too-large = The feed is larger than { $megabytes } MB.
feed-error-network = The feed's server could not be reached ({ $detail }).
feed-error-empty = The feed lists no postings; the postings it brought before were left open.
task-schedule-feeds = Fetches the partners' feeds that are due.
task-schedule-indexing = Tells Google's Indexing API about postings that went live or closed (when configured).
admin-nav-imports = Imports
admin-field-file = File
admin-field-rows = Rows
admin-field-created = Created
admin-field-updated = Updated
admin-field-failed = Failed
admin-imports-earlier = Earlier imports

## Moderation (src/admin/review.rs)
admin-nav-review = Review
admin-nav-team = Team
admin-team-title = Your team
admin-team-intro = Everyone who works for your companies in this back office.
admin-team-last-sign-in = Last sign-in
admin-team-invited-not-in = Invited, not signed in yet
admin-team-invite-title = Invite a colleague
admin-team-invite-hint = They get an email with a link to set their password, valid for 72 hours, and see only the company you choose.
admin-team-invited = An invitation is on its way to { $email }.
admin-team-email-taken = This address has an account already. Ask the board's team to add it to your company.
admin-team-rate-limited = You sent many invitations in the last hour. Please try again later.
admin-team-actions = Actions
admin-team-remove = Remove { $name }
admin-team-removed = { $email } no longer works for your companies here.
admin-review-title = Postings to review
admin-review-intro = Recruiters' postings wait here until you approve them, longest waiting first. Approving publishes a posting; sending it back tells the recruiter why, by email.
admin-review-empty = Nothing waits for review.
admin-review-sent-by = Sent by
admin-review-sent-at = Sent
admin-review-of = Review: { $title }
admin-review-posting = Open the posting
admin-review-company-awaiting = The company signed up and awaits approval: approve it on its page before its postings can go live.
admin-review-first = First version: every field is new
admin-review-changes = Changes since the last approved version
admin-review-unchanged = Nothing changed since the last approved version.
admin-review-before = Approved
admin-review-after = Now
admin-review-decide = Decision
admin-review-approve = Approve and publish
admin-review-reason = Why it goes back
admin-review-reason-hint = The recruiter gets this by email, in their language setting; write it so that they can fix the posting.
admin-review-reject = Send back to the recruiter
admin-review-not-pending = This posting no longer waits for review.
admin-review-approved = Approved: the posting is live.
admin-review-rejected = Sent back: the recruiter was told why.
admin-review-reason-needed = Say why the posting goes back.
admin-review-reason-too-long = The reason is too long: at most { $max } characters.
admin-action-submit = Send for review
admin-submitted = Sent for review: the board's team will approve it or tell you what to change.
admin-submitted-published = Published: your company's postings go live without review.
admin-submit-not-allowed = A posting that is { $status } cannot be sent for review.
admin-unchanged = Nothing changed.
admin-field-company-standing = Review of postings
admin-company-awaiting = Awaits approval
admin-company-trusted-label = Trusted: postings go live without review
admin-company-reviewed-label = Each posting is reviewed
admin-action-approve-company = Approve the company
admin-action-trust-company = Trust: publish without review
admin-action-review-company = Review its postings again
admin-company-approved = The company is approved.
admin-company-trusted = The company is trusted: its postings go live without review.
admin-company-reviewed = The company's postings are reviewed again.
admin-field-awaiting-approval = Awaits approval
admin-field-auto-publish = Publishes without review

admin-stats-crumb = Numbers
admin-stats-title = Numbers: { $job }
admin-stats-intro = What this posting did on the public site over the last 30 days. Views and searches are written every few seconds; pages a visitor's browser or a shared cache kept are not counted. No visitor is recorded, only the numbers.
admin-stats-chart-title = Views per day
admin-stats-table-title = By day
admin-stats-summary = In the last 30 days: { $views }, { $applications }.
admin-stats-views-count = { $count ->
    [one] 1 view
   *[other] { $count } views
}
admin-stats-applications-count = { $count ->
    [one] 1 application
   *[other] { $count } applications
}
admin-stats-day-views = { $count ->
    [one] { $day }: 1 view
   *[other] { $day }: { $count } views
}
admin-stats-day = Day
admin-stats-views = Views
admin-stats-search = In search results
admin-stats-alerts = In alert emails
admin-stats-apply-clicks = Apply forms sent
admin-stats-applications = Applications
admin-stats-total = Total
admin-stats-export = Export as CSV

## The register of applicants' access and erasure requests (/admin/data_requests)
admin-panel-data-request = Request
admin-field-data-request-kind = Request
admin-field-data-request-origin = Asked by
admin-field-data-subject = Person (reference)
admin-field-data-request-applications = Applications
admin-field-data-request-expires = Link works until
admin-field-data-request-downloaded = First downloaded
admin-data-request-kind-access = Copy of data
admin-data-request-kind-erasure = Erasure
admin-data-request-origin-applicant = The applicant
admin-data-request-origin-retention = Retention period
admin-data-request-mailed = Link mailed
admin-data-request-downloaded = Downloaded
admin-data-request-expired = Link expired unused
admin-data-request-erased = Erased

## Erasing an applicant's data on their request (/admin/applications/{id}/erase)
admin-erase-title = Erase this applicant's data
admin-erase-question = { $count ->
    [one] Erase everything kept about { $person }: their application, its CV and the notes on it? The register of erasures keeps that it happened, not who. This cannot be undone.
   *[other] Erase everything kept about { $person }: their { $count } applications, their CVs and the notes on them? The register of erasures keeps that it happened, not who. This cannot be undone.
}
admin-erase-button = Erase everything
admin-erase-done = { $count ->
    [one] Erased: { $count } application, with its CV and notes.
   *[other] Erased: { $count } applications, with their CVs and notes.
}
admin-data-request-origin-staff = The board's staff
