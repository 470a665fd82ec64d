## Error pages.

error-not-found-title = Page not found
error-not-found = The page you are looking for does not exist or has been removed.
error-forbidden-title = Not allowed
error-forbidden = You are not allowed to do this.
error-login-required-title = Sign-in required
error-login-required = Please sign in to continue.
error-bad-request-title = Bad request
error-bad-request = The request could not be understood.
error-unavailable-title = Temporarily unavailable
error-unavailable = The service is busy right now. Please try again in a moment.
error-internal-title = Something went wrong
error-internal = An unexpected error occurred on our side. Please try again later.
error-search-jobs = Search jobs
error-home = Home page
