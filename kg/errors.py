"""One error hierarchy for the whole of PeaceKG.

Every error a user can cause is a :class:`KgError`. It carries an HTTP status, a short
machine-readable ``code`` and a message that says what happened and what to do next. The
CLI prints the message and exits non-zero; the web app renders it as JSON or HTML.

>>> err = QueryError("Unexpected '}'", position=(3, 7))
>>> err.status, err.code
(400, 'bad_request')
>>> str(err)
"line 3, column 7: Unexpected '}'"
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: an error the user can act on."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, object]:
        return {"error": self.code, "status": self.status, "message": str(self)}


class InputError(KgError):
    """An article could not be read: names the file and, where known, the line."""

    status = 400
    code = "bad_input"

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path, self.line = path, line

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(KgError):
    """A setting has a value that cannot be used."""

    status = 500
    code = "bad_setting"


class StoreError(KgError):
    """The store cannot be opened or written (locked by another process, corrupt, no space)."""

    status = 503
    code = "store_unavailable"


class NotFound(KgError):
    status = 404
    code = "not_found"


class QueryError(KgError):
    """A malformed or refused SPARQL query; ``position`` is (line, column) when the parser gave one."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, position: tuple[int, int] | None = None) -> None:
        super().__init__(message)
        self.position = position

    def __str__(self) -> str:
        if self.position:
            return f"line {self.position[0]}, column {self.position[1]}: {self.message}"
        return self.message

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        if self.position:
            out["line"], out["column"] = self.position
        return out


class Forbidden(KgError):
    """The request asks for something this endpoint never does (updates, federated SERVICE calls)."""

    status = 403
    code = "forbidden"


class PayloadTooLarge(KgError):
    status = 413
    code = "payload_too_large"


class NotAcceptable(KgError):
    status = 406
    code = "not_acceptable"


class UnsupportedMediaType(KgError):
    status = 415
    code = "unsupported_media_type"


class QueryTimeout(KgError):
    status = 503
    code = "query_timeout"
