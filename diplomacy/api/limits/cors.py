"""Cross-origin requests: any web page may read the API; only listed origins may write.

django-cors-headers answers preflights and adds the headers; it has one policy
for every method, so this subclass adds the read half: a GET or HEAD (or the
preflight of one) from an origin that is not listed gets
`Access-Control-Allow-Origin: *`, without credentials. Writes (and their
preflights) are allowed only from `CORS_ALLOWED_ORIGINS`
(DJANGO_CORS_ALLOWED_ORIGINS, empty by default): a preflight from any other
origin gets no CORS header, so the browser refuses to send the write.
"""

from corsheaders.conf import conf
from corsheaders.middleware import (
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
    CorsMiddleware,
)

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def _reads(request) -> bool:
    if request.method == "OPTIONS":
        asked = request.headers.get("access-control-request-method")
        return asked is None or asked.upper() in READ_METHODS
    return request.method in READ_METHODS


class ReadAnywhereCorsMiddleware(CorsMiddleware):
    def add_response_headers(self, request, response):
        response = super().add_response_headers(request, response)
        if (
            getattr(request, "_cors_enabled", False)
            and request.headers.get("origin")
            and ACCESS_CONTROL_ALLOW_ORIGIN not in response
            and _reads(request)
        ):
            response[ACCESS_CONTROL_ALLOW_ORIGIN] = "*"
            response[ACCESS_CONTROL_EXPOSE_HEADERS] = ", ".join(conf.CORS_EXPOSE_HEADERS)
            if request.method == "OPTIONS":
                response[ACCESS_CONTROL_ALLOW_HEADERS] = ", ".join(conf.CORS_ALLOW_HEADERS)
                response[ACCESS_CONTROL_ALLOW_METHODS] = ", ".join(READ_METHODS)
                response[ACCESS_CONTROL_MAX_AGE] = str(conf.CORS_PREFLIGHT_MAX_AGE)
        return response
