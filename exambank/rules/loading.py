"""Problems found while a file is read and checked against its schema.

These rules have no `check` of their own: the loader and the schema stage report them.
They are registered so that ``exambank rules`` and the configuration know their names.
"""

from __future__ import annotations

from exambank.rules.base import LoadRule


class YamlSyntax(LoadRule):
    """The file is not valid YAML, or cannot be read (a folder, a broken link, no permission).

    YAML stops at a file's first error, often a line after the slip, and names it in
    its own terms ("did not find expected key"). For the slips authors make, lint says
    what is wrong at the line and column of the slip, and how to fix it, mostly with the
    line to write: a ':' missing or typed as a look-alike; ': ' or a leading '*', '&',
    '`' ... in text that must be quoted; a key indented more or less than the keys
    beside it (the key out of line is named, not the line where YAML stopped); a tab or
    a no-break space in the indentation; a quote that ends the text early, or one left
    open (told where it opens); a list item's '- ' lost, or typed as an en dash, a
    bullet or Markdown's '* ' or '+ '; more lines of a text at its key's place; text
    under '|' or '>' not indented more than its key (told so even where YAML reads a
    line of it holding ': ' as a key, and leaves the text empty); a leftover
    merge-conflict marker or byte-order mark. YAML reads no further, so each
    question (and key term) of a section is also read on its own, and the first slip in
    each is reported in the same run. Where `lint --fix` mends the line (quoting the
    text, typing '- '), the hint says so. Any other error is reported in the parser's
    words, where it gave up. Anchors and aliases (`&name` / `*name`) are refused too:
    they make a bank hard to read and can expand without bound.

    Bad:
        stem: Which service: SageMaker or EC2?

    Good:
        stem: "Which service: SageMaker or EC2?"
    """

    name = "yaml-syntax"
    severity = "error"


class Encoding(LoadRule):
    """The file is not UTF-8.

    Reported at the first byte that is not UTF-8. A UTF-8 byte-order mark and Windows
    (CRLF) line endings are read correctly and are not reported. A file saved as UTF-16
    is named as such, and one that is no text at all (a program, an image, a PDF or ZIP
    file, or any file of NUL bytes that is not UTF-8) is told so, with a hint to restore
    it from version control.

    Bad:
        title: Caf\\xe9   (saved as Latin-1)

    Good:
        title: Café      (saved as UTF-8)
    """

    name = "encoding"
    severity = "error"


class FileSize(LoadRule):
    """The file is larger than a bank file may be.

    Reported at line 1, from the file's size alone: the file is not read, so nothing in
    it, not even a `lint:` suppression, is checked. The limit, 5,000,000 bytes unless
    `max-file-bytes` in `[tool.exambank]` says otherwise, is some seventeen times the
    largest real section file seen (600 questions in 290 kB); it keeps one file of a pull
    request from holding a CI job for many minutes (`fmt --check` took 20 s per MB of a
    file of long lines). `fmt` and `lint --fix` leave such a file as it is.

    Bad:
        01-everything.yaml   (12,000,000 bytes: 25,000 questions in one section)

    Good:
        01-basics.yaml, 02-networking.yaml, ...   (each section in a file of its own)
    """

    name = "file-size"
    severity = "error"


class DuplicateKey(LoadRule):
    """A mapping repeats a key.

    Most YAML readers keep the last value and drop the first without a word, so an
    author's edit can silently vanish. Reported at the second occurrence.

    Bad:
        answer: B
        answer: C

    Good:
        answer: C
    """

    name = "duplicate-key"
    severity = "error"


class Schema(LoadRule):
    """A value does not fit the source format.

    A missing field, a value of the wrong type, an unknown key (with a did-you-mean for
    near misses), an id that is not a slug, an option letter that is not A-Z. An option
    written as a bare number or yes/no is an error too: YAML would read `A: 3.10` as
    the number 3.1, so it must be quoted to stay the text the author wrote; so is text
    written as a date (`A: 2024-01-01`), which YAML 1.1 readers such as PyYAML read as one.

    Bad:
        options:
          A: 3.10
          B: yes

    Good:
        options:
          A: "3.10"
          B: "yes"
    """

    name = "schema"
    severity = "error"
