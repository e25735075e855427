"""The one exception tree of chronist.

::

    ChronistError                 every error chronist raises on purpose
    ├── InputError                the user's input cannot be read as text
    │   ├── MissingInputError     a path that does not exist, or a directory
    │   ├── BinaryInputError      the bytes are not text (NUL bytes, image headers, ...)
    │   ├── EncodingInputError    invalid UTF-8, with the byte offset
    │   ├── EmptyInputError       nothing to read
    │   └── InputTooLargeError    above the configured size limit
    ├── OptionError               a malformed option value (date, language, kind, format)
    ├── LanguageDataError         bad language data, found when it loads (file, line, rule)
    ├── ModelError                a shipped model is missing or unreadable
    ├── CorpusError               an evaluation corpus that cannot be parsed
    ├── OutputError               an output that cannot be written (nothing half-written is left)
    │   ├── OutputPermissionError no permission to write there (or a read-only file system)
    │   ├── OutputFolderError     the folder is missing, or a part of the path is a file
    │   └── DiskFullError         no space left on the device (or the quota is used up)
    └── StoreError                a corpus store that cannot be opened, read or written

Finding nothing is a value (an empty list), never an exception. Each class has
a stable ``code`` that the CLI prints beside the one-line message.
"""

from __future__ import annotations


class ChronistError(Exception):
    """Base class of every error chronist raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ChronistError):
    code = "E100"


class MissingInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingInputError(InputError):
    code = "E103"


class EmptyInputError(InputError):
    code = "E104"


class InputTooLargeError(InputError):
    code = "E105"


class OptionError(ChronistError):
    code = "E200"


class LanguageDataError(ChronistError):
    code = "E300"


class ModelError(ChronistError):
    code = "E400"


class CorpusError(ChronistError):
    code = "E500"


class OutputError(ChronistError):
    code = "E600"


class OutputPermissionError(OutputError):
    code = "E601"


class OutputFolderError(OutputError):
    code = "E602"


class DiskFullError(OutputError):
    code = "E603"


class StoreError(ChronistError):
    """The corpus store (``chronist.Store``): missing ``duckdb``, a busy or foreign file."""

    code = "E700"
