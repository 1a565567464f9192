"""Sports reports and their seasons (``annotate/temporal/sports.py``)."""

from __future__ import annotations

from datetime import date

from storyline.annotate.temporal.sports import SportsSeason

NBA = (
    "The Spurs beat the Heat 104-98 on Sunday, their ninth straight win. Tim Duncan had 21 points and "
    "12 rebounds, and the coach rested two starters ahead of the NBA playoffs."
)
TENNIS = (
    "The defending champion won her opening match in straight sets and said the tournament had started "
    "well. Her coach watched from the stands as she lost only three games and won the tiebreak."
)
BUDGET = "The senator said the season of budget talks would be long, and that his party had won the argument."


def test_a_winter_league_report_is_in_last_years_season_until_june() -> None:
    season = SportsSeason(NBA)
    assert season.sports and season.over_new_year
    assert season.year(date(2014, 3, 2)) == 2013
    assert season.year(date(2014, 11, 2)) == 2014


def test_a_season_inside_the_calendar_year_keeps_the_year() -> None:
    season = SportsSeason(TENNIS)
    assert season.sports and not season.over_new_year
    assert season.year(date(2014, 3, 2)) == 2014


def test_politics_is_no_sports_report() -> None:
    assert not SportsSeason(BUDGET).sports


def test_a_company_named_like_a_sports_word_is_no_sports_report() -> None:
    earnings = (
        "Coach Inc. said its shares lost ground as sales fell in the second half; the handbag maker won "
        "back some points at home and abroad, and its title brand grew."
    )
    assert not SportsSeason(earnings).sports


def test_a_primary_season_is_no_sports_report() -> None:
    campaign = (
        "As the primary season heats up, the senator won Iowa and lost New Hampshire; his rival's home "
        "state gave him a title of sorts, and the points he scored in the debate were his best games yet. "
        "His former football coach, who coached him for years and now coaches in Ohio, endorsed him."
    )
    assert not SportsSeason(campaign).sports
