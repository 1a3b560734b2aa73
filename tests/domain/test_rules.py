"""The paperwork rules: parsing, strict validation, and a table test per default rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from planner.domain.enums import InstitutionKind, PersonCategory, Purpose, ResponsibleParty
from planner.domain.resources import resource_path
from planner.domain.rules import (
    NOT_LEGAL_ADVICE,
    RulesError,
    RuleSet,
    VisitFacts,
    describe_conditions,
    evaluate,
    load_rules,
    matches,
    parse_rules,
    stay_days,
)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(resource_path("rules", "paperwork.toml"))


#: A Japanese researcher's ten-day unpaid collaboration visit to a US national laboratory.
BASE = VisitFacts(
    host_country="US",
    host_kind=InstitutionKind.NATIONAL_LAB,
    home_country="JP",
    nationality="JP",
    category=PersonCategory.RESEARCHER,
    purpose=Purpose.RESEARCH_COLLABORATION,
    paid=False,
    stay_days=10,
)
GENERAL = {"travel-authorisation", "travel-insurance", "housing"}
JP_HOST = {"host_country": "JP", "host_kind": InstitutionKind.RESEARCH_INSTITUTE,
           "home_country": "US"}  # fmt: skip

CASES: list[tuple[str, dict[str, Any], set[str]]] = [
    ("jp-to-us-lab-short-unpaid", {}, {"us-lab-foreign-national", "us-esta"} | GENERAL),
    ("us-national-at-us-lab", {"nationality": "US", "home_country": "US"}, GENERAL),
    ("indian-national-short-unpaid", {"nationality": "IN"},
     {"us-lab-foreign-national", "us-b1-visa"} | GENERAL),
    ("unknown-nationality-is-treated-as-foreign", {"nationality": ""},
     {"us-lab-foreign-national", "us-b1-visa"} | GENERAL),
    ("exactly-90-days-is-short", {"stay_days": 90},
     {"us-lab-foreign-national", "us-esta"} | GENERAL),
    ("91-days-needs-j1", {"stay_days": 91},
     {"us-lab-foreign-national", "us-j1-long"} | GENERAL),
    ("paid-short-stay-needs-j1", {"paid": True},
     {"us-lab-foreign-national", "us-j1-paid"} | GENERAL),
    ("paid-long-stay", {"paid": True, "stay_days": 200},
     {"us-lab-foreign-national", "us-j1-long", "us-j1-paid"} | GENERAL),
    ("us-university-no-lab-access-request", {"host_kind": InstitutionKind.UNIVERSITY},
     {"us-esta"} | GENERAL),
    ("german-at-us-lab", {"nationality": "DE"},
     {"us-lab-foreign-national", "us-esta"} | GENERAL),
    ("us-national-to-riken", {**JP_HOST, "nationality": "US"},
     {"jp-visa-exempt", "jp-institute"} | GENERAL),
    ("japanese-at-japanese-institute", {**JP_HOST, "nationality": "JP", "home_country": "JP"},
     GENERAL),
    ("chinese-national-to-riken-short", {**JP_HOST, "nationality": "CN"},
     {"jp-short-term-visa", "jp-institute"} | GENERAL),
    ("us-national-to-riken-long", {**JP_HOST, "nationality": "US", "stay_days": 91},
     {"jp-coe-long", "jp-institute"} | GENERAL),
    ("german-paid-at-riken", {**JP_HOST, "nationality": "DE", "paid": True},
     {"jp-coe-paid", "jp-institute"} | GENERAL),
    ("japanese-university-no-institute-screening",
     {**JP_HOST, "host_kind": InstitutionKind.UNIVERSITY, "nationality": "US"},
     {"jp-visa-exempt"} | GENERAL),
    ("student-has-no-travel-authorisation", {"category": PersonCategory.STUDENT},
     {"us-lab-foreign-national", "us-esta", "travel-insurance", "housing"}),
    ("staff-has-travel-authorisation", {"category": PersonCategory.STAFF},
     {"us-lab-foreign-national", "us-esta"} | GENERAL),
    ("day-visit-needs-no-housing", {"stay_days": 1},
     {"us-lab-foreign-national", "us-esta", "travel-authorisation", "travel-insurance"}),
    ("data-exchange-without-agreement", {"purpose": Purpose.DATA_EXCHANGE},
     {"us-lab-foreign-national", "us-esta", "data-agreement"} | GENERAL),
    ("data-exchange-with-agreement",
     {"purpose": Purpose.DATA_EXCHANGE, "has_active_agreement": True},
     {"us-lab-foreign-national", "us-esta"} | GENERAL),
    ("seminar-is-not-data-exchange", {"purpose": Purpose.SEMINAR},
     {"us-lab-foreign-national", "us-esta"} | GENERAL),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "expected"), [(f, e) for _, f, e in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_default_rules_fire_exactly_when_they_should(
    rules: RuleSet, facts: dict[str, Any], expected: set[str]
) -> None:
    visit = dataclasses.replace(BASE, **facts)
    fired = {rule.id for rule in rules.rules if matches(rule.conditions, visit)}
    assert fired == expected


def test_every_default_rule_is_covered_by_the_table(rules: RuleSet) -> None:
    covered = set().union(*(expected for _, _, expected in CASES))
    assert covered == {rule.id for rule in rules.rules}


def test_default_documents_and_lead_times(rules: RuleSet) -> None:
    docs = rules.documents
    assert docs["fn_access_request"].lead_days == 45 and docs["fn_access_request"].blocking
    assert "30 to 60 days" in docs["fn_access_request"].explanation
    assert docs["fn_access_request"].responsible is ResponsibleParty.HOST
    insurance = docs["j1_insurance"].explanation
    for minimum in ("US$100,000", "US$25,000", "US$50,000", "US$500", "22 CFR 62.14"):
        assert minimum in insurance
    assert "business" in docs["esta"].title and docs["esta"].visitor_brings
    assert all(d.title_ja for d in docs.values())
    assert rules.settings.passport_margin_months == 6 and rules.settings.due_soon_days == 14
    assert "not legal advice" in NOT_LEGAL_ADVICE


def test_j1_documents_come_once_even_when_two_rules_ask(rules: RuleSet) -> None:
    found = evaluate(rules, dataclasses.replace(BASE, paid=True, stay_days=200))
    codes = [r.document.code for r in found]
    assert len(codes) == len(set(codes))
    (ds2019,) = [r for r in found if r.document.code == "ds2019"]
    assert set(ds2019.rule_ids) == {"us-j1-long", "us-j1-paid"}
    assert {"ds2019", "sevis_fee", "j1_visa", "j1_insurance"} <= set(codes)


def test_stay_days_counts_both_ends() -> None:
    assert stay_days(0) == 1 and stay_days(89) == 90


def test_conditions_in_words(rules: RuleSet) -> None:
    (esta,) = [r for r in rules.rules if r.id == "us-esta"]
    text = describe_conditions(esta.conditions)
    assert "host country US" in text and "stay ≤ 90 days" in text and "unpaid" in text


MINIMAL = """
[documents.a]
title = "A"
responsible = "host"
lead_days = 10
[[rules]]
id = "r1"
documents = ["a"]
"""


def test_a_minimal_file_parses() -> None:
    parsed = parse_rules(MINIMAL)
    assert parsed.rules[0].id == "r1" and parsed.documents["a"].lead_days == 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (MINIMAL + 'host_contry = ["US"]\n', r"rule 'r1': unknown key 'host_contry'"),
        (MINIMAL + 'host_country = ["XX"]\n', r"rule 'r1': host_country: 'XX' is not an ISO"),
        (MINIMAL + 'host_kind = ["lab"]\n', r"rule 'r1': host_kind: 'lab' is not one of"),
        (MINIMAL + "min_days = 10\nmax_days = 5\n", r"rule 'r1': min_days is greater"),
        (MINIMAL + 'paid = "yes"\n', r"rule 'r1': paid must be true or false"),
        (MINIMAL + "max_days = -3\n", r"rule 'r1': max_days must be a whole number"),
        (MINIMAL.replace('["a"]', '["a", "b"]'), r"rule 'r1': documents: unknown document"),
        (MINIMAL.replace('"host"', '"boss"'), r"document 'a': responsible: 'boss' is not"),
        (MINIMAL.replace("lead_days = 10", "lead_days = true"), r"document 'a': lead_days"),
        (MINIMAL.replace("lead_days = 10", "lead_time = 10"), r"document 'a': unknown key"),
        (MINIMAL + '[[rules]]\nid = "r1"\ndocuments = ["a"]\n', r"rule 'r1': the id is used"),
        (MINIMAL + '[[rules]]\nid = "r2"\n', r"rule 'r2': documents must name"),
        (MINIMAL + "[extras]\n", r"unknown key 'extras'"),
        ("[settings]\nmargin = 3\n" + MINIMAL, r"\[settings\]: unknown key 'margin'"),
        ("this is = = not toml", r"not valid TOML"),
    ],
)
def test_bad_files_are_refused_naming_the_rule(text: str, message: str) -> None:
    with pytest.raises(RulesError, match=message):
        parse_rules(text, "test.toml")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="is missing"):
        load_rules(tmp_path / "nope.toml")


def test_resource_locator_finds_the_bundled_rules() -> None:
    path = resource_path("rules", "paperwork.toml")
    assert path.is_file() and path.parent.name == "rules"
