## The partner API's errors (problem details): a title per kind of error, and what happened.

api-problem-not-found-title = Not found
api-problem-not-found = There is nothing at this address, or it is not public.
api-problem-forbidden-title = Forbidden
api-problem-forbidden = This request is not allowed.
api-problem-bad-request-title = Bad request
api-problem-bad-request = The request could not be understood.
api-problem-invalid-title = Invalid parameters
api-problem-invalid = Some parameters or fields were refused; each is listed with the reason.
api-problem-too-large-title = Too large
api-problem-too-large = The request's body is larger than this endpoint takes.
api-problem-method-not-allowed-title = Method not allowed
api-problem-method-not-allowed = This address does not take this method; the Allow header lists those it takes.
api-problem-unavailable-title = Temporarily unavailable
api-problem-unavailable = The service is busy. Try again after the time in the Retry-After header.
api-problem-internal-title = Internal error
api-problem-internal = An unexpected error occurred on the server. Try again later.

## Why a parameter or field was refused.
api-invalid-value = “{ $value }” is not a value this parameter takes.
api-invalid-unknown = This parameter is not known here.
api-invalid-limit = “{ $value }” is not a number from 1 to 100.
api-invalid-cursor = This cursor was not made by this list with these parameters: start again without it.
api-invalid-place = No city of this name has postings here: give coordinates as lat,lon instead.

## Tokens: refusals of a protected request.
api-problem-unauthorized-title = Token required
api-problem-unauthorized = This request needs an API token in the header “Authorization: Bearer hb_…”.
api-problem-invalid-token-title = Invalid token
api-problem-invalid-token = This token is not known here or was revoked.
api-problem-token-expired-title = Token expired
api-problem-token-expired = This token has expired. Ask for a new one in the back office.
api-problem-token-in-query-title = Token in the address
api-problem-token-in-query = Tokens are only accepted in the Authorization header. A token sent in an address may be in logs now: revoke it and make a new one.
api-problem-insufficient-scope-title = Missing scope
api-problem-insufficient-scope = This token lacks the scope “{ $scope }” that this request needs.
api-problem-rate-limited-title = Too many requests
api-problem-rate-limited = This token made more requests than its limit allows. Try again after the time in the Retry-After header.

## What each scope of a token allows.
api-scope-jobs-read = read every posting of its company, drafts too
api-scope-jobs-write = create, change, publish and archive postings
api-scope-applications-read = read applications and download CVs
api-scope-applications-write = move applications through the pipeline, apply on a candidate's behalf
api-scope-webhooks-write = manage webhook endpoints

## Writes: refusals of a request's body.
api-problem-unsupported-media-type-title = Unsupported media type
api-problem-unsupported-media-type = Send the body in the type this endpoint takes: JSON (“Content-Type: application/json”), or a form where a file is sent.
api-problem-not-acceptable-title = Not acceptable
api-problem-not-acceptable = This API answers in JSON only; the Accept header asks for something else.
api-problem-status-conflict-title = Status conflict
api-problem-status-conflict = The posting's status does not allow this change (a draft cannot be archived, for one).
api-invalid-unknown-field = This field is not known here.
api-invalid-type = Not a value of this field's type ({ $value }).
api-invalid-json = The body is not valid JSON (line:column { $value }).
api-invalid-company = This token posts for its own company only.
api-problem-stage-conflict-title = Stage conflict
api-problem-stage-conflict = The pipeline does not allow this move from the application's stage.
api-invalid-reason = A rejection needs its reason.
api-invalid-reason-length = At most { $max } characters.

## Applying on a candidate's behalf, and idempotency keys.
api-problem-job-closed-title = Posting closed
api-problem-job-closed = This posting does not take applications: it is not published, or its closing date has passed.
api-problem-application-duplicate-title = Already applied
api-problem-application-duplicate = This email address has applied to this posting already.
api-problem-idempotency-in-flight-title = Request in progress
api-problem-idempotency-in-flight = A request with this Idempotency-Key is still being answered. Send it again in a moment to get its response.
api-invalid-not-a-file = Send this field as a file part of a multipart/form-data body.
api-invalid-idempotency-key = A key is 1 to 255 visible ASCII characters, such as a UUID.
api-invalid-idempotency-reused = This key was used for another request in the last 24 hours: use a new key for each request.

## The API reference page (/api/docs).
api-docs-title = API reference
api-docs-intro = Hireboard's partner API: published postings for anyone, and with a token, writing postings and reading applications. JSON in and out; errors are problem documents in the language of Accept-Language.
api-docs-document = The machine-readable OpenAPI 3.1 document:
api-docs-endpoints = Endpoints
api-docs-tokens = Tokens and limits
api-docs-tokens-text = Send a token made in the back office in the header “Authorization: Bearer hb_…”, never in an address. Each token has scopes, and may be bound to one company: it then sees and changes only that company's records.
api-docs-limits = Each token may make a limited number of requests a minute; the RateLimit-Policy and RateLimit headers say how many are left, and a 429 says in Retry-After when to try again. Answers carry an ETag: send it back in If-None-Match to get 304 when nothing changed.
api-docs-needs = Needs a token with the scope
api-docs-public = Public: no token needed.
api-docs-parameters = Parameters
api-docs-name = Name
api-docs-type = Type
api-docs-in = In
api-docs-description = Description
api-docs-required = required
api-docs-body = Body (JSON):
api-docs-responses = Answers
api-docs-status = Status
api-docs-problems = Problems
api-docs-problems-text = Every error is an RFC 9457 problem document (application/problem+json) whose type is the address of its entry here; a 422 lists each refused field with the reason.
