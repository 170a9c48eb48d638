"""warehouse.personal_text: contact details in free text are masked where trialqc quotes a record; numbers that
are no phone are quoted as they stand."""
from __future__ import annotations

import pyarrow as pa
import pytest

from warehouse.personal_text import masked, masked_column


@pytest.mark.parametrize("text, shown", [
    ("questions to j.roe@example.org please", "questions to <email> please"),
    ("Enrollment: +8801811237435", "Enrollment: <phone>"),
    ("Tel: 020 7946 0958", "Tel: <phone>"),
    ("call 1-800-555-0199 now", "call <phone> now"),
    ("Phone: 555-0100", "Phone: <phone>"),
    ("phone 713.563.3534", "phone <phone>"),
    ("(713) 563-3534", "<phone>"),
    ("Call the site +1 (713) 563 3534 (Mon-Fri)", "Call the site <phone> (Mon-Fri)"),
    ("Fax no. 0044 1865 123456", "Fax no. <phone>"),
    ("fax: +49 (0)30 1234567", "fax: <phone>"),
    ("+44 20 7946 0958 ext 12", "<phone> ext 12"),
    ("NCT01234567 and +33 1 23 45 67 89", "NCT01234567 and <phone>"),
], ids=lambda value: value[:24])
def test_emails_and_numbers_written_as_phones_are_masked(text, shown):
    assert masked(text) == shown


@pytest.mark.parametrize("text", [
    "doses of 250-500-1000 mg",
    "EudraCT 2004-000123-45",
    "change +12.5 (10.3-14.7)",
    "HR +0.85 (0.71-1.02)",
    "mean +1.5 mg",
    "Tel Aviv 6423906",
    "cells 1 000 000 000",
    "cell count 100000000",
    "platelets >100,000,000/L",
    "ratio 1:2 +/- 0.5",
    "IND 123456789",
    "713.563.3534 phone",  # no word before it, no '+', no brackets: a number
    "start 2021-03-15, completion 2023-12-31",
    "NCT01234567",
], ids=lambda value: value[:24])
def test_numbers_that_are_no_phone_and_text_without_an_email_stay_as_given(text):
    assert masked(text) == text


def test_a_column_is_masked_where_a_value_may_hold_a_contact_and_kept_whole_where_none_does():
    column = pa.chunked_array([["a", None, "x@y.org"], ["Tel 0201234567"]])
    assert masked_column(column).to_pylist() == ["a", None, "<email>", "Tel <phone>"]
    assert masked_column(pa.array(["hotel telmisartan cells", None])).to_pylist() == ["hotel telmisartan cells", None]
    plain = pa.array(["no contact here"])
    assert masked_column(plain) is plain
