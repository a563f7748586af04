import datetime as dt

import pytest

from hooks.text import dates


def test_parse_and_format():
    day = dates.parse_dmy("22/09/2021")
    assert day == dt.date(2021, 9, 22)
    assert dates.format_dmy(day) == "22/09/2021"
    assert dates.parse_dmy("1/2/2022") == dt.date(2022, 2, 1)


@pytest.mark.parametrize("bad", ["30/02/2021", "31/04/2022", "2021-09-22", "22.09.2021", "00/01/2020", ""])
def test_rejects_unreal_or_malformed(bad):
    with pytest.raises(ValueError):
        dates.parse_dmy(bad)


def test_admin_style_pads_day_and_early_months_only():
    assert dates.format_admin(dt.date(2021, 9, 22)) == "22/9/2021"
    assert dates.format_admin(dt.date(2022, 1, 14)) == "14/01/2022"
    assert dates.format_admin(dt.date(2022, 4, 7)) == "07/4/2022"
