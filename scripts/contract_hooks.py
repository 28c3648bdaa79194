"""Schemathesis hooks for scripts/contract-check.sh.

`?fault=` and `?status=` make the API fail on purpose: reset, empty and hang give
no HTTP answer at all, malformed answers a body cut off halfway, and `status`
answers whatever status was asked for. They are in the document because they are
part of the contract; the checks here are about the API's answers when it is not
asked to fail, so these two parameters are left out of every generated request.
(webapi-pgw/tests/api/faults.rs tests each of them.)
"""

import schemathesis

INJECTING = ("fault", "status")


@schemathesis.hook
def map_query(ctx, query):
    if query:
        for name in INJECTING:
            query.pop(name, None)
    return query


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    # Every phase (the stateful one and coverage too) goes through here.
    if case.query:
        for name in INJECTING:
            case.query.pop(name, None)
