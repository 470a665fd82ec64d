## Site-wide: names, navigation, formats.

site-name = Hireboard
site-description = Find your next job: thousands of postings from companies across Europe and beyond, in English, German and Ukrainian.
footer-text = Hireboard — a multilingual job board.
feed-subscribe = Subscribe to the latest jobs:
feed-format-atom = Atom feed
feed-format-rss = RSS feed
feed-title-atom = Latest jobs on Hireboard (Atom)
feed-title-rss = Latest jobs on Hireboard (RSS)
feed-title = Latest jobs on Hireboard
feed-title-search = Hireboard jobs matching { $query }

nav-skip = Skip to content
nav-label = Main
nav-language = Language
nav-jobs = Jobs
breadcrumbs = Breadcrumbs

home-title = Jobs in English, German and Ukrainian
home-heading = Find a job you will love
home-stats = { $jobs } from { $companies }
home-stats-jobs = { $count ->
    [one] { $count } open job
   *[other] { $count } open jobs
}
home-stats-companies = { $count ->
    [one] { $count } company
   *[other] { $count } companies
}
home-latest = Latest jobs
home-all-jobs = See all jobs
home-top-skills = Popular skills
home-top-cities = Popular cities

form-optional = (optional)
content-original-language = This content is not available in your language yet; it is shown in its original language ({ $language }).
content-original-language-short = in its original language
# A language named in this one (CLDR spelling: German nouns capitalised, Ukrainian not).
language-en = English
language-de = German
language-uk = Ukrainian

## Dates: month names in the form a date uses.
date-long = { $day } { $month } { $year }
date-short = { $day }/{ $month }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Employers (src/web/employers.rs)
employer-sign-up-title = Post jobs: sign up your company
employer-sign-up-intro = Create an account for your company. Once you confirm your address, you write your postings in the back office; the board's team approves your company and each posting before it goes live.
employer-company = Company
employer-name = Your name
employer-email = Work email
employer-password = Password
employer-password-hint = At least { $min } characters; a few unrelated words make a strong one.
employer-review-note = Your company and your postings are reviewed by the board's team before anything is published.
employer-submit = Create the account
employer-error-company = Give your company's name (at most 200 characters).
employer-error-name = Your name may have at most 200 characters.
employer-error-rate-limited = Too many sign-ups from your network in the last hour. Please try again later.
employer-check-inbox-title = Check your inbox
employer-check-inbox = If { $email } can sign up, a link to confirm it is on its way. Open it to finish.
employer-confirm-title = Confirm your address
employer-confirm-question = Confirm { $email } as the address of your account?
employer-confirm-button = Confirm my address
employer-confirmed-title = Address confirmed
employer-confirmed = Your address is confirmed. Sign in to write your first posting; the board's team approves your company and your postings before they go live.
employer-sign-in = Sign in
nav-employers = For employers

extend-title = Keep a posting open
extend-question = Keep “{ $job }” open until { $date }?
extend-button = Keep it open
extend-done = “{ $job }” is open until { $date }.
extend-moved = This link was used already: “{ $job }” is open until { $date }.
extend-expired = This link has expired: “{ $job }” is closed. Sign in to the back office to publish it again.
extend-at-limit = “{ $job }” cannot stay open longer: it has reached the longest time a posting may run on this board.
