"""Files of one study each with one odd value, for the odd-value tests: an API v2 record changed in place, or the
legacy XML template with one piece replaced."""
from __future__ import annotations

import json
from pathlib import Path

from tests.test_bad_input import XML_TEMPLATE, study_json, write

XML_ID = "NCT00004154"  # the legacy XML template's id


def json_variant(folder: Path, nct_id: str, change) -> None:
    """An API v2 record of `nct_id`, its protocolSection given to `change` before it is written."""
    record = study_json(nct_id)
    change(record["protocolSection"])
    write(folder, f"{nct_id}.json", json.dumps(record).encode())


def xml_variant(folder: Path, nct_id: str, old: str, new: str) -> None:
    """The legacy XML template as `nct_id`, its first `old` replaced by `new`."""
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    assert old in xml and XML_ID in xml
    write(folder, f"{nct_id}.xml", xml.replace(old, new, 1).replace(XML_ID, nct_id).encode())


def status_change(**given):
    """A change that sets these keys of the statusModule."""
    return lambda protocol: protocol["statusModule"].update(given)


def design_change(**given):
    """A change that sets these keys of the designModule."""
    return lambda protocol: protocol["designModule"].update(given)
