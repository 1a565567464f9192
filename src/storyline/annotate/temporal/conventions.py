"""The span and value conventions the tagger follows, in one place.

TimeML/TempEval-3 guidelines and the TimeBank/AQUAINT annotation do not agree on
everything; where they differ, the entry says which one the tagger follows and why.
Each entry names the test that pins it (``tests/test_temporal_conventions.py``
unless the name says otherwise); ``test_every_convention_is_pinned`` checks that
those tests exist.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CONVENTIONS", "Convention"]


@dataclass(frozen=True, slots=True)
class Convention:
    name: str
    rule: str
    example: str
    test: str


CONVENTIONS: tuple[Convention, ...] = (
    # --- spans ---------------------------------------------------------------------
    Convention(
        "quantity modifiers inside",
        "a modifier of a duration's quantity is part of the span and gives the mod; "
        '"about", "almost" and "around" stay outside (TimeBank\'s majority use), their mod is kept',
        '"nearly five years" P5Y APPROX; "a full 48 hours" PT48H; "a little over a month" P1M MORE_THAN',
        "test_quantity_modifiers_are_inside_the_span",
    ),
    Convention(
        "point modifiers inside",
        '"early", "late", "mid" before a relative or bare month are part of the span',
        '"early last June" 2013-06 START',
        "test_point_modifier_before_a_relative_month",
    ),
    Convention(
        "unanchored duration alone",
        '"N units later/earlier" with no earlier date in the text is only the duration; with one, '
        "a DATE counted from it (the events of a timeline need that date)",
        '"some two weeks later" -> "some two weeks" P2W APPROX; "1960 ... Sixteen years later" 1976',
        "test_anchored_duration_without_an_anchor_is_a_duration",
    ),
    Convention(
        "article outside a century",
        '"the" before an ordinal century stays outside (decades keep it, as TimeBank does)',
        '"the 19th century" -> "19th century" 18',
        "test_the_stays_outside_a_century",
    ),
    Convention(
        "a range is two expressions",
        "a year range gives one TIMEX3 for each end",
        '"2011-2012" -> 2011, 2012; "1998-99" -> 1998, 1999',
        "test_year_range_is_two_timexes",
    ),
    Convention(
        "from now",
        '"N units from now" is a duration and a PRESENT_REF',
        '"ten years from now" -> "ten years" P10Y + "now" PRESENT_REF',
        "test_from_now_is_a_duration_and_present_ref",
    ),
    Convention(
        "possessive outside",
        "the possessive apostrophe after a duration stays outside",
        '"three years\' work" -> "three years"',
        "test_possessive_stays_outside",
    ),
    # --- classes -----------------------------------------------------------------
    Convention(
        "sets",
        '"every/each" + season, part of day, month or weekday is a SET with a calendar value; '
        'rates ("$1 billion a year") and "yearly"/"annually" are SETs with a period value',
        '"every summer" XXXX-SU; "each evening" XXXX-XX-XXTEV; "yearly" P1Y; "every week" P1W',
        "test_sets",
    ),
    Convention(
        "plural days",
        'a plural weekday or part of a weekday recurs: a SET ("on Sundays" XXXX-WXX-7, "Tuesday nights" '
        "XXXX-WXX-2TNI)",
        '"The market is closed on Sundays" XXXX-WXX-7',
        "test_plural_days_are_sets",
    ),
    Convention(
        "vague durations",
        'a vague quantity or a bare plural unit after a preposition, before "of" or starting a sentence '
        'before "after/later" is a duration; so are "the weeks ahead", "the months since" '
        'with an X; "recent months" in a perfect clause too',
        '"a few days" PXD; "for months" PXM; "hours of talks" PTXH; "have talked in recent months" PXM; '
        '"Days after the attack" PXD; "the weeks ahead" PXW',
        "test_vague_durations",
    ),
    Convention(
        "recent years",
        '"recent <units>" is a vague duration only in a perfect clause, which measures the period up '
        "to now; after a simple past or a noun it points to the past (TimeBank and MEANTIME mark both)",
        '"have suffered ... in recent years" PXY; "soared in recent years", "the boom of recent years" '
        "PAST_REF",
        "test_recent_years_is_a_duration_only_in_a_perfect_clause",
    ),
    Convention(
        "today: the day or the present",
        '"today\'s" before a noun that is not bound to a day is the present in general (TE3); '
        '"today\'s meeting/editions" and a clause\'s "today" are the DCT',
        '"in today\'s world" PRESENT_REF; "said today" 1998-04-24',
        "test_today_is_the_day_or_the_present",
    ),
    Convention(
        "names and discourse markers",
        'a capitalised "Today" after a capitalised word is a name; a sentence-initial "Now," '
        'is a discourse marker; "now" inside a clause stays PRESENT_REF (TimeBank tags most of them)',
        '"This is VOA Today." nothing; "Now, he says, ..." nothing; "Montedison now owns" PRESENT_REF',
        "test_names_and_discourse_markers_are_no_time",
    ),
    Convention(
        "ordinal days",
        '"the Nth (consecutive) day/week" of a run is the DCT\'s day or week in a present or perfect '
        "clause; a past or future clause does not say which (XXXX-XX-XX); determiners are inside",
        '"today is the eighth day of Desert Shield" 1990-08-15; "on the 12th day of the strike, they '
        'returned" XXXX-XX-XX',
        "test_ordinal_day_of_a_run",
    ),
    Convention(
        "term and tenure",
        '"term" and "tenure" name an office, not a length: never a duration alone; a hyphenated '
        "quantity before them is",
        '"during her tenure" nothing; "a one-year term" -> "one-year" P1Y',
        "test_term_and_tenure_are_no_durations",
    ),
    Convention(
        "durations are not dates",
        'a hyphenated quantity ("10-minute") is a duration, never a date or a time',
        '"a 10-minute walk" -> "10-minute" PT10M',
        "test_hyphenated_quantity_is_a_duration",
    ),
    # --- values ------------------------------------------------------------------
    Convention(
        "chronology lines",
        "a line that starts with a year and a day-month keeps that year",
        '"2009 12 May Minister resigns" in a 2014 article -> 2009-05-12',
        "test_chronology_line_keeps_its_year",
    ),
    Convention(
        "narrative year",
        "a month or day without a year in a past-tense clause takes the year that an explicit date "
        'earlier in the same sentence set, and so does a "would" clause under a past verb; a year in a '
        'relative clause ("who resigned in 2009") is background and sets none',
        '"In 2009 the minister resigned in May" -> 2009-05',
        "test_month_takes_the_year_of_its_sentence",
    ),
    Convention(
        "narrative steps",
        '"N units later" counts from the date the text set and moves the story on: "the following '
        'year" after it counts from there',
        '"born in 1960. Sixteen years later ... the following year" -> 1976, 1977',
        "test_narrative_steps_anchor_on_the_text",
    ),
    Convention(
        "last season",
        '"last <season>" in the month right after that season ends is the previous year\'s',
        '"since last summer" on 2014-09-10 -> 2013-SU',
        "test_last_summer_in_september",
    ),
    Convention(
        "holidays look back in the past tense",
        "a holiday without a year in a past clause is its latest occurrence before the DCT",
        '"over Christmas" on 2015-01-11 -> 2014-12-25',
        "test_christmas_in_january",
    ),
    Convention(
        "past clauses stay in the past",
        "a bare month, weekday, season or holiday in a simple-past clause is never after the DCT "
        '(not when a word before it looks ahead: "extended to Nov. 16", "payable Dec. 7")',
        '"They met on Saturday night" on a Friday -> the Saturday before',
        "test_past_clause_is_not_resolved_after_the_dct",
    ),
    Convention(
        "past clauses count from reported dates",
        '"the night before", "the following month" in a past clause count from the latest date not '
        "after the DCT (a plan such as next Christmas never anchors); when only a later value fits, "
        "the value stays unknown",
        '"Christmas selling season ... sales released the night before" after "yesterday" -> the day '
        'before yesterday; "just before Christmas ... The following month" -> XXXX-XX',
        "test_past_clause_anchors_on_a_reported_date",
    ),
    Convention(
        "the year of its sentence",
        '"the beginning/middle/end of the year" takes the year an explicit date earlier in its '
        "sentence named",
        '"In early 1996 Apple promised to ship it around the middle of the year" -> 1996 MID',
        "test_the_year_is_the_one_its_sentence_named",
    ),
    Convention(
        "sports seasons",
        'in a sports report "this year" and "this/last/next season" are the league\'s season, valued by '
        "the year it started: a season over the new year (football, basketball, ice hockey) is still "
        "the previous year's from January to June (a sports report holds two words only sports use, "
        '"quarterback", "playoffs"; "season" is none); elsewhere "season" alone is no time; a report\'s '
        '"the second half" or "the first quarter" without a year is the match\'s, no time',
        '"have won 12 games this year" in an NFL report of 2014-01-20 -> 2013; "last season" -> 2012',
        "test_sports_season",
    ),
    Convention(
        "weekdays of a past narrative",
        "a bare weekday in a past-tense clause that follows a day the same sentence named, in an "
        "earlier week than the DCT's, is that week's; \"that Saturday\" is the one near the day just "
        'told; a clock time then falls on that day. A weekday after a reporting verb ("said Friday") '
        "or a background date in an earlier sentence stays the DCT's week (TimeBank, HeidelTime)",
        '"On March 5, protesters gathered, and by Saturday night police had cleared the square" -> '
        "2014-03-08TNI",
        "test_weekday_of_a_past_narrative",
    ),
    Convention(
        "dates that modify a noun",
        "a date before a noun takes its direction from the noun, not the clause: a planned thing "
        '("the Jan. 14 deadline", "set Nov. 10 as the deadline", "a summit set for April") is the '
        'nearest such date unless its clause looks ahead ("hope to win the November election"); a '
        'happening ("the Oct. 23 slaying") the latest before the DCT; the end of a '
        'range ("through Sept. 29") is the report\'s, not the year of its sentence; a date the parse '
        'attaches to an outcome ("build on his victory on Tuesday") is before the DCT; one attached to '
        'a planned event ("win the election in November") follows the clause',
        '"gave no reason for the Jan. 14 deadline" on 2000-01-05 -> 2000-01-14',
        "test_date_before_a_noun_follows_the_noun",
    ),
    Convention(
        "datelines and time zones",
        "a dateline's weekday, date and clock time are one TIME; a zone (ET, BST, GMT, Eastern time, "
        "local time) is inside the span of its clock time",
        '"Mon 3 Feb 2014 12.01 GMT" 2014-02-03T12:01; "10:30 a.m. ET on Tuesday" one TIME',
        "test_datelines_and_time_zones",
    ),
    Convention(
        "quarters and fiscal years in figures",
        '"Q3" is a quarter (the latest third quarter in a past clause), "Q3 2014" that year\'s, '
        '"FY2015"/"FY15" a year; "the current/latest fiscal year" a year like "this/last year"',
        '"Revenue in Q3 rose" on 2014-02-03 -> 2013-Q3; "FY15" 2015; "the latest fiscal year" 2013',
        "test_quarters_and_fiscal_years_in_figures",
    ),
    Convention(
        "decades in words",
        '"the nineties", "the mid-eighties" are decades; without "the" ("in her forties") an age',
        '"through the nineties" 199',
        "test_decades_in_words",
    ),
    Convention(
        "duration spans",
        'a period noun after a hyphenated quantity is inside ("a three-year period" P3Y); "more" '
        'between number and unit too ("at least 20 more years" P20Y); a modifier before "the past N '
        'units" is inside ("at least the past 18 months"), a preposition ("over the past") is not; '
        '"a few days later" with nothing to count is the vague duration "a few days" (PXD); "several '
        'quarters" PXQ; "the early hours of" is no duration; "or so" after a quantity is inside',
        '"over a three-year period" -> "a three-year period" P3Y',
        "test_duration_spans",
    ),
    Convention(
        "clock times of live blogs and schedules",
        'a British clock time with a dot ("5.45pm GMT") is a TIME; a clock time keeps both its weekday '
        'and its date ("8 p.m. on Tuesday, Feb. 4")',
        '"Updated 5.45pm GMT" 2014-02-03T17:45Z',
        "test_clock_times_of_live_blogs_and_schedules",
    ),
    Convention(
        "rates and one-unit adjectives",
        'a rate after a counted noun is a SET ("1 million cars a year" P1Y), not "24 hours a day" (always); '
        '"week-long" is a duration (P1W), "decades-long" a vague one (PXY, as TimeBank); '
        '"the New Year" a holiday',
        '"produce 1 million cars a year" P1Y; "a week-long trip" P1W',
        "test_rates_and_one_unit_adjectives",
    ),
    Convention(
        "years of figures and fronted plans",
        'a year before figures ("predicting 1990 earnings", "2015 sales") is a date, not a count; a '
        'weekday before a simple-past "planned" is the day of the planning ("On Friday, the government '
        'planned to ..."), after it the day planned for; "the last half of 1989" is 1989-H2; "coming/'
        'recent quarters" like months and years',
        '"Analysts were predicting 1990 earnings" -> 1990',
        "test_years_of_figures_and_fronted_plans",
    ),
    Convention(
        "timestamps and this weekday",
        'a timestamp keeps its seconds and zone in the span; "this Friday" is the DCT\'s week (a past '
        'clause looks back); "midnight on Sunday" is one TIME',
        '"2014-02-03T10:00:00Z" 2014-02-03T10:00:00; "premieres this Friday" on Monday 2014-02-03 -> '
        "2014-02-07",
        "test_timestamps_and_this_weekday",
    ),
    Convention(
        "names that look like times",
        '"daily" naming a newspaper ("the Communist Party daily Granma") is no set (TBAQ tags it in one '
        'file and not in another; the guideline tags only times); a capitalised "This Week" inside a '
        "sentence or in quotes is a programme's name, a weekday before Times/Telegraph/Mail a paper's, "
        '"the Future" capitalised inside a sentence part of a name',
        '"said on ABC News\' "This Week"" nothing; "daily flights" P1D',
        "test_names_that_look_like_times",
    ),
    Convention(
        "named days",
        'a day named after a feast or an event is one DATE with its own day: "Good Friday" and "Easter '
        'Sunday" from Easter, "Black Friday" and "Cyber Monday" from Thanksgiving, "Super Tuesday" the '
        "first Tuesday of March of a US election year, in the tense's direction",
        '"after Super Tuesday" on 2016-04-06 -> 2016-03-01; "on Black Friday" on 2014-12-02 -> 2014-11-28',
        "test_named_days",
    ),
    Convention(
        "parts of things that are not times",
        '"the second half of the Democratic race" is no time; "the first half of the year" is one DATE; '
        '"N months later" after a week is a month ("this week ... 18 months later")',
        '"delegates from the second half of the race" nothing',
        "test_parts_of_things_that_are_not_times",
    ),
    Convention(
        "until and by in the past",
        '"until/by <day>" in a simple-past clause is before the DCT ("the talks lasted until Friday", "by '
        'Sunday afternoon the fire was contained"), unless a verb that moves or sets a time governs it '
        '("postponed the hearing until Thursday")',
        '"The talks lasted until Friday" on Monday 2014-02-03 -> 2014-01-31',
        "test_until_and_by_look_ahead_only_from_a_postponing_verb",
    ),
    Convention(
        "a week of a month",
        '"the first/second/third/fourth/last week of <month>" is one DATE, the ISO week holding that '
        "month's 1st (8th, 15th, 22nd; the last: its last day but three), the year as for the month alone",
        '"In the first week of January" on 2014-02-03 -> 2014-W01',
        "test_week_of_a_month",
    ),
)
