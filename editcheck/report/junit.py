"""``junit`` format: JUnit XML for GitLab, Jenkins and other CI dashboards.

One ``<testsuite name="editcheck">`` with one ``<testcase>`` per draft
(``classname="editcheck"``, ``name`` and ``file`` = the draft's path). Every finding at or
above ``fail_on`` is a ``<failure type=CODE message=...>`` whose text is
``path:line:col: severity CODE message``; findings below it are listed in the test case's
``<system-out>``; a draft that could not be checked gets an ``<error>``. Counts in the
suite's ``tests``/``failures``/``errors`` attributes are numbers of test cases, as the
dashboards expect (a test case with any failure is one failed test).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO
from xml.etree import ElementTree as ET

from editcheck.model import Severity
from editcheck.report.line import escape_controls

if TYPE_CHECKING:
    from editcheck.engine import FileResult

# characters XML 1.0 cannot hold, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    text = escape_controls(text)  # bidi controls, C0 controls -> <U+XXXX>
    return _INVALID_XML.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def write(results: Sequence[FileResult], stream: TextIO, *, fail_on: Severity | str = Severity.ERROR,
          **_: object) -> None:
    """Write the JUnit XML document (UTF-8, with an XML declaration and a trailing newline).

    ``fail_on`` (a :class:`Severity` or its name) is the lowest severity written as a failure.
    """
    threshold = Severity.parse(fail_on)
    suites = ET.Element("testsuites", name="editcheck")
    suite = ET.SubElement(suites, "testsuite", name="editcheck")
    failed = errored = 0
    for r in results:
        case = ET.SubElement(suite, "testcase", classname="editcheck", name=_clean(r.path), file=_clean(r.path),
                             time="0")
        if r.error:
            errored += 1
            err = ET.SubElement(case, "error", type="input-error", message=_clean(r.error))
            err.text = _clean(r.error)
            continue
        below = []
        any_failure = False
        for f in r.findings:
            text = _clean(f"{r.path}:{f.line}:{f.column}: {f.severity.label} {f.code} {f.message}")
            if f.severity >= threshold:
                any_failure = True
                node = ET.SubElement(case, "failure", type=f.code, message=_clean(f"{f.code} {f.message}"))
                node.text = text
            else:
                below.append(text)
        failed += any_failure
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(below)
    for node in (suites, suite):
        node.set("tests", str(len(results)))
        node.set("failures", str(failed))
        node.set("errors", str(errored))
    suite.set("skipped", "0")
    suite.set("time", "0")
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")
