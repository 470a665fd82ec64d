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

admin-login-title = Sign in
admin-login-email = Email address
admin-login-password = Password
admin-login-submit = Sign in
admin-login-invalid = The email address or password is wrong.
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
