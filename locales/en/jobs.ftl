## Search, postings, companies and the apply form.

search-title = Jobs
search-title-query = Jobs for “{ $query }”
search-label = What are you looking for?
search-placeholder = Job title, skill or company
search-button = Search
search-more-filters = More filters
search-total = { $count ->
    [0] No jobs found
    [one] { $count } job
   *[other] { $count } jobs
}
search-notice-invalid = The filter { $name } = “{ $value }” was not understood and is ignored.
search-empty-title = No jobs match your search
search-empty-text = Try other words or fewer filters.
search-empty-suggest = Remove a filter to see more jobs:
search-drop-filter = Without “{ $filter }”

filters-label = Filters
filters-button = { $count ->
    [0] Filters
   *[other] Filters ({ $count })
}
filters-active = Active filters
filters-clear = Clear all filters
filter-remove = Remove filter { $filter }
filter-workplace = Workplace
filter-type = Employment type
filter-seniority = Seniority
filter-country = Country
filter-city = City
filter-skill = Skills
filter-salary-min = Minimum salary (EUR per year)
filter-posted-within = Posted
filter-any-time = Any time
filter-chip-query = “{ $query }”
filter-chip-salary = From €{ $amount } a year
filter-chip-posted-within = { $count ->
    [one] Posted today
   *[other] Posted in the last { $count } days
}
filter-chip-company = Company: { $company }
posted-within-days = { $count ->
    [one] In the last 24 hours
   *[other] In the last { $count } days
}

sort-label = Sort by
sort-relevance = Relevance
sort-newest = Newest
sort-salary = Salary

pagination-label = Pages
pagination-prev = Previous
pagination-next = Next
pagination-status = Page { $page } of { $pages }

workplace-onsite = On-site
workplace-hybrid = Hybrid
workplace-remote = Remote
employment-full_time = Full-time
employment-part_time = Part-time
employment-contract = Contract
employment-internship = Internship
employment-temporary = Temporary
seniority-junior = Junior
seniority-mid = Mid-level
seniority-senior = Senior
seniority-lead = Lead

salary-range = { $min } – { $max }
salary-from = from { $amount }
salary-up-to = up to { $amount }
salary-with-period = { $amount } { $period }
salary-period-year = per year
salary-period-month = per month
salary-period-hour = per hour

location-remote-anywhere = Remote, from anywhere
location-remote-in = Remote from { $countries }
posted-on = Posted { $date }

job-facts = At a glance
job-location = Location
job-salary = Salary
job-posted = Posted
job-closes = Apply by
job-responsibilities = What you will do
job-requirements = What you bring
job-benefits = What we offer
job-skills = Skills
job-about-company = About the company
job-other-languages = Also available in:
job-closed-expired = This job has expired and no longer accepts applications.
job-closed-filled = This position has been filled.
job-closed-archived = This job is no longer open.
job-preview-note = Preview · status: { $status }. This is how the posting looks on the site; only signed-in staff can see this page.
job-closed-published = This job has passed its closing date and no longer accepts applications.
job-closed-draft = This job is not published.
job-closed-pending_review = This job is being reviewed and does not accept applications yet.

company-website = Company website
company-headquarters = Headquarters
company-size = Size
company-size-employees = { $size } employees
company-open-positions = { $count ->
    [0] No open positions right now
    [one] { $count } open position
   *[other] { $count } open positions
}
company-all-positions = See all open positions

apply-heading = Apply for this job
apply-now = Apply now
apply-name = Full name
apply-email = Email
apply-phone = Phone
apply-cover-letter = Cover letter
apply-consent = I agree that { $company } and Hireboard store my application to consider me for this job.
apply-submit = Send application
apply-errors-heading = Please correct the following:
apply-error-name-required = Please enter your name.
apply-error-name-too-long = Your name is too long (200 characters at most).
apply-error-email-required = Please enter your email address.
apply-error-email-invalid = Please enter a valid email address, like name@example.com.
apply-error-phone-invalid = Please enter a valid phone number, or leave the field empty.
apply-error-cover-letter-required = Please write a few words about why you are applying.
apply-error-cover-letter-too-long = Your cover letter is too long (10,000 characters at most).
apply-error-consent-required = Please agree so that we can pass your application on.
apply-error-duplicate = You have already applied to this job with this email address.
apply-error-expired-form = This form has expired. Please check your details and send it again.
apply-honeypot-label = Leave this field empty
apply-error-too-fast = That was quicker than anyone can fill in this form, so it was not sent. Please check your details and send it again in a few seconds.
apply-error-not-sent = Your application could not be sent. Please check your details and send it again.
apply-error-rate-limited = Several applications came from you in a short time, so this one was not sent. Your details are kept below: please send it again in an hour.

applied-title = Thank you for applying!
applied-text = Your application for “{ $job }” has been sent to { $company }. They will contact you by email.
applied-back = Back to the job
applied-receipt = We have emailed you a receipt. Its links let you withdraw your application or delete your data at any time, without an account.
applied-alert-title = Get jobs like this one by email
applied-alert-text = New jobs matching { $search }, as they are posted.
applied-alert-button = Create a job alert
applied-similar = See similar jobs

## Job alerts
alert-cta = Email me new jobs for this search
alert-new-title = Get new jobs by email
alert-new-intro = We will email you postings for this search as they are published. You can stop the emails at any time with a link in each of them.
alert-search-label = Search:
alert-all-jobs = All jobs
alert-email = Your email address
alert-frequency = How often
alert-frequency-instant = As they are published
alert-frequency-daily = Once a day
alert-frequency-weekly = Once a week
alert-privacy = We use your address only for these emails.
alert-submit = Create the alert
alert-error-frequency = Choose how often you want the emails.
alert-error-rate-limited = Too many alerts were requested from your connection. Please try again in an hour.
alert-check-inbox-title = Check your inbox
alert-check-inbox = We sent a link to { $email }. Open it to start the alert; until then, nothing else is sent.
alert-confirm-title = Confirm your job alert
alert-confirm-question = Start emailing you new jobs for this search ({ $frequency })?
alert-confirm-button = Start the alert
alert-confirm-done = Your alert is active. You will get new jobs for this search: { $frequency }.
alert-unsubscribe-title = Stop this job alert
alert-unsubscribe-question = Stop the emails for this search?
alert-unsubscribe-button = Stop the emails
alert-unsubscribe-done = You will get no more emails for this search.
alert-gone = This alert no longer exists.

## The CV on the apply form
apply-cv = Your CV
apply-cv-hint = PDF, Word (DOCX) or OpenDocument (ODT), up to 10 MB.

filter-near = Where?
filter-near-placeholder = City
filter-radius = Distance
filter-radius-km = Within { $km } km
filter-remote-include = Include remote jobs
filter-chip-near = Within { $km } km of { $place }
filter-chip-near-remote = Within { $km } km of { $place }, or remote
filter-chip-bbox = In the map’s area
search-notice-unknown-place = We do not know the place “{ $place }”, so the search is not limited to an area.
search-empty-wider = Search a wider area:
sort-distance = Distance
distance-km = { $km } km away
distance-under-1-km = Less than 1 km away
coordinates = { $lat }, { $lon }
latitude-north = { $degrees }° N
latitude-south = { $degrees }° S
longitude-east = { $degrees }° E
longitude-west = { $degrees }° W
cover-letter-optional = Optional
cover-letter-required = Required
map-show = Show the map
map-hide = Hide the map
map-label = The jobs on a map
map-search-as-i-move = Search as I move the map
map-zoom-in = Zoom in on these jobs
map-unavailable = The map could not be loaded. The list shows every job.
map-unplaced = { $count ->
    [one] { $count } job has no place on the map (remote).
   *[other] { $count } jobs have no place on the map (remote).
}
