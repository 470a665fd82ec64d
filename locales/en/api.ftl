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
