"""Cross-lingual fixes: modals inside embedded clauses, splits settled by meaning, moves over weak pairs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from assistant.compare.align import (
    PIECE_EMBED_GAIN,
    Alignment,
    _completes,
    _moves_over_weak_pairs,
    _pieces_by_length,
)
from assistant.compare.crosslingual import classify_crosslingual, own_clauses, provision_types
from assistant.compare.units import Unit
from assistant.document.model import ClauseKind

# --- modals inside indirect questions and relative clauses ------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "A determination is made as to whether the system achieves its purposes and whether its deployment "
    "should proceed.",
    "Teams decide if the model should be retrained.",
    "Risks which should be treated are recorded in the register.",
    "Stakeholders who should be informed are listed.",
])
def test_embedded_modal_is_not_the_documents_provision(sentence: str) -> None:
    assert provision_types(sentence) == set()


@pytest.mark.parametrize(("sentence", "kind"), [
    ("If the test fails, the system should be rejected.", "recommendation"),  # "if" as a condition
    ("The organization should decide whether the system is retired.", "recommendation"),  # main clause
    ("The operator shall ensure that the log is kept.", "requirement"),
    ("The organization shall determine whether the system should be retired.", "requirement"),
])
def test_main_clause_modal_still_counts(sentence: str, kind: str) -> None:
    assert provision_types(sentence) == {kind}


def test_chinese_whether_should_asks() -> None:
    assert own_clauses("判定开发是否应继续推进。") == "判定开发是否继续推进。"
    assert provision_types("组织应确定是否继续。") == {"requirement"}


def test_indirect_question_translation_is_unchanged() -> None:
    english = "A determination is made as to whether its development or deployment should proceed."
    status, _ = classify_crosslingual(english, "就其开发或部署是否继续推进作出判定。")
    assert status.value == "unchanged"
    status, why = classify_crosslingual("The deployment should proceed.", "部署继续推进。")
    assert status.value == "technical" and "provisions" in why[0]


# --- a split whose second piece is too short to show in length -------------------------------------------

_CONCEPTS = (("document", "形成文件"), ("risk", "风险"), ("communicate", "沟通"), ("impact", "影响"),
             ("register", "备案"), ("authority", "主管部门"))


def _bag(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """A stand-in embedder: one dimension per bilingual concept, so meaning is countable."""
    rows = [[float(t.lower().count(en) + t.count(zh)) + 0.01 for en, zh in _CONCEPTS] for t in texts]
    return np.asarray(rows, dtype=np.float32)


def _unit(index: int, key: str, body: str, parent: int | None = None) -> Unit:
    return Unit(index=index, key=key, kind=ClauseKind.CLAUSE, title="", body=body, parent=parent)


WHOLE = _unit(0, "5.3.2", "Teams document the risks and impacts, and they communicate about the impacts.")
PAIRED = _unit(0, "5.3.2", "团队将风险和影响形成文件。")


def test_second_piece_completing_the_whole_is_a_split() -> None:
    extra = _unit(1, "5.3.3", "团队就上述影响开展沟通。")
    gain = _completes(WHOLE, PAIRED, extra, 0.3, _bag)
    assert gain is not None and gain >= PIECE_EMBED_GAIN


def test_unrelated_neighbour_is_not_a_piece() -> None:
    extra = _unit(1, "5.3.3", "团队按规定向主管部门备案。")
    gain = _completes(WHOLE, PAIRED, extra, 0.3, _bag)
    assert gain is not None and gain < PIECE_EMBED_GAIN


def test_piece_may_not_bring_a_requirement_the_whole_lacks() -> None:
    extra = _unit(1, "5.3.3", "团队应就上述影响开展沟通。")
    assert _completes(WHOLE, PAIRED, extra, 0.3, _bag) is None


def test_piece_between_two_pairs_joins_the_one_it_completes() -> None:
    """The second half of a split sits between its first half and the next clause: both neighbours are
    weighed, and it goes to the whole it completes, not to the first neighbour that would take it."""
    left = [_unit(0, "5.3.2", WHOLE.body), _unit(1, "5.3.3", "Teams register the system with the authority.")]
    right = [_unit(0, "5.3.2", PAIRED.body), _unit(1, "5.3.3", "团队就上述影响开展沟通。"),
             _unit(2, "5.3.4", "团队向主管部门备案系统。")]
    content = np.array([[0.05, 0.0, -1.0], [-1.0, 0.0, 0.05]])  # structure lets either pair take 5.3.3
    result = Alignment(pairs={0: 0, 1: 2})
    _pieces_by_length(left, right, content, result, _bag)
    assert result.splits == {0: [0, 1]} and result.pairs == {1: 2}


# --- a move whose old place the order alignment filled with a neighbour -----------------------------------


def _units(keys: Sequence[str]) -> list[Unit]:
    return [_unit(k, key, f"text {key}") for k, key in enumerate(keys)]


def test_unpaired_unit_takes_its_moved_partner_from_a_weak_pair() -> None:
    left, right = _units(["6.2.2", "6.4.2", "6.4.3"]), _units(["6.4.2", "6.4.3"])
    content = np.array([[-0.5, 0.03], [-0.5, -0.014], [0.08, -0.5]])
    result = Alignment(pairs={1: 1, 2: 0})
    _moves_over_weak_pairs(left, right, content, result)
    assert result.pairs == {0: 1, 2: 0}  # 6.2.2 moved to 6.4.3; 6.4.2 deleted


def test_close_rival_does_not_take_a_pair() -> None:
    left, right = _units(["6.2.2", "6.4.2", "6.4.3"]), _units(["6.4.2", "6.4.3"])
    content = np.array([[-0.5, 0.0], [-0.5, -0.014], [0.08, -0.5]])  # better, but within MOVE_MARGIN
    result = Alignment(pairs={1: 1, 2: 0})
    _moves_over_weak_pairs(left, right, content, result)
    assert result.pairs == {1: 1, 2: 0}


def test_move_needs_the_right_unit_to_agree() -> None:
    left, right = _units(["6.2.2", "6.4.2", "6.4.3"]), _units(["6.4.2", "6.4.3"])
    content = np.array([[-0.5, 0.03], [-0.5, -0.014], [0.08, 0.06]])  # 6.4.3 is nearer still to RIGHT 6.4.3
    result = Alignment(pairs={1: 1, 2: 0})
    _moves_over_weak_pairs(left, right, content, result)
    assert result.pairs == {1: 1, 2: 0}


# --- every provision of a sentence; idioms that only look like provisions; counts spelt out ---------------


def test_weaker_provision_beside_a_stronger_one_counts() -> None:
    english = ("Risk analysis should use quantitative methods; where that is not possible, qualitative methods "
               "may be used and the reasons shall be recorded.")
    assert provision_types(english) == {"recommendation", "permission", "requirement"}
    status, _ = classify_crosslingual(english, "风险分析宜采用定量方法；无法定量时，可采用定性方法，并应记录理由。")
    assert status.value == "unchanged"
    status, _ = classify_crosslingual(english, "风险分析宜采用定量方法；无法定量时，采用定性方法，并应记录理由。")
    assert status.value == "technical"  # the permission was dropped


def test_without_then_can_is_no_permission() -> None:
    assert provision_types("编程接口应兼容CUDA接口，已有程序无须修改即可编译运行。") == {"requirement"}
    assert provision_types("编程接口应兼容CUDA接口，已有程序无须修改。") == {"requirement", "permission"}


def test_count_in_words_matches_digits() -> None:
    english = "The severity shall be graded in not less than three levels."
    assert classify_crosslingual(english, "严重程度的分级应不少于3级。")[0].value == "unchanged"
    assert classify_crosslingual(english, "严重程度的分级应不少于5级。")[0].value == "technical"
    assert classify_crosslingual("Transfers shall offer both modes.", "传输应提供两种方式。")[0].value == "unchanged"
    status, why = classify_crosslingual("Backups shall keep 2 copies.", "备份应保存副本。")  # nothing spelt
    assert status.value == "technical" and why[0].startswith("value")


# --- possibility, applicability and informative matter ----------------------------------------------------


def test_relative_that_may_is_possibility_not_permission() -> None:
    english = ("Systems shall be resilient regarding errors that may occur within the system or the environment "
               "in which it operates.")
    assert provision_types(english) == {"requirement"}
    # a main-clause "may" still permits
    assert provision_types("The operator may use a backup that is kept offline.") == {"permission"}


def test_shall_not_apply_is_a_statement_of_applicability() -> None:
    english = "The requirement for a second check shall not apply to systems used for border control."
    status, _ = classify_crosslingual(english, "第二次核验的要求不适用于用于边境管控的系统。")
    assert status.value == "unchanged"


def test_ability_noun_of_two_characters_is_no_permission() -> None:
    assert provision_types("数据的选择（例如可获得性、代表性）形成文件。") == set()
    assert provision_types("系统可提高性能。") == {"permission"}  # 性能 is not an -ability suffix


def test_note_or_example_added_or_left_out_is_editorial() -> None:
    english = "Test sets and metrics used during TEVV are documented."
    plain = "TEVV过程中使用的测试集和指标形成文件。"
    noted = plain + "\n注：TEVV指测试、评价、验证和确认。"
    assert classify_crosslingual(english, plain)[0].value == "unchanged"
    status, why = classify_crosslingual(english, noted)
    assert status.value == "editorial" and "注" in why[0]
    example = "System requirements (e.g., privacy of users) are elicited from relevant actors."
    assert classify_crosslingual(example, "系统要求从相关参与者处获取。")[0].value == "editorial"
    assert classify_crosslingual(example, "系统要求（例如用户隐私）从相关参与者处获取。")[0].value == "unchanged"


# --- relative clauses with their own verb; rights; attributes built on 可 ---------------------------------


def test_main_clause_modal_after_a_relative_clause_with_its_own_verb() -> None:
    english = "Before using the system at the workplace, deployers who are employers shall inform the workers."
    assert provision_types(english) == {"requirement"}
    status, _ = classify_crosslingual(english, "雇主身份的部署者在工作场所使用该系统之前，应告知劳动者。")
    assert status.value == "unchanged"
    assert provision_types("Stakeholders who should be informed are listed.") == set()


def test_entitlement_is_a_right_not_a_requirement() -> None:
    english = "Notified bodies which have been notified under those acts shall be entitled to control conformity."
    status, _ = classify_crosslingual(english, "依据这些法律文件通报的公告机构有权核查符合性。")
    assert status.value == "unchanged"


def test_coordinated_ke_attributes_are_no_permission() -> None:
    assert provision_types("可解释、可诠释的人工智能系统提供的信息有助于用户理解。") == set()
    assert provision_types("组织可采用加密措施。") == {"permission"}


# --- a split and a deletion under one heading: same count, every number shifted ------------------------------


def test_pairs_that_change_without_the_numbers_are_doubted() -> None:
    from assistant.compare.crossalign import doubted

    # numbers pair 3-3 and 4-4; without them, content pairs 3-4 (a split before 3, a deletion after)
    left, right = doubted({0: 0, 1: 1, 3: 3, 4: 4}, {0: 0, 1: 1, 3: 4})
    assert left == {3, 4} and right == {3, 4}
    # a pair merely dropped without its number stays an anchor
    assert doubted({0: 0, 1: 1}, {0: 0}) == (set(), set())
    assert doubted({0: 0}, {0: 0, 1: 1}) == (set(), set())  # a new pair of open units doubts no anchor


def test_subject_relative_clause_ends_before_the_main_modal() -> None:
    english = "High-risk AI systems which make use of training data shall be developed on suitable data sets."
    assert provision_types(english) == {"requirement"}
    assert provision_types("Risks which the organization should treat are recorded.") == set()


def test_permitted_by_law_is_a_statement() -> None:
    assert provision_types("本义务不适用于经法律允许用于调查刑事犯罪的系统。") == set()
    assert provision_types("组织允许用户撤回同意。") == {"permission"}


def test_kinds_of_standard_and_suggested_actions_are_not_recommendations() -> None:
    assert provision_types("推荐性国家标准由国务院标准化行政主管部门制定。") == set()
    assert provision_types("建议的行动") == set()
    assert provision_types("建议组织定期评审风险。") == {"recommendation"}


def test_run_in_enumeration_laid_out_as_a_list_is_editorial() -> None:
    chinese = "国家机关应建立健全数据安全管理制度，落实数据安全保护责任，保障政务数据安全。"
    listed = ("State organs shall:\na) establish and improve data security management systems;\n"
              "b) implement responsibilities for data security protection;\nc) safeguard government data.")
    assert classify_crosslingual(chinese, listed)[0].value == "editorial"
    four = "国家机关应：\na）建立制度；\nb）落实责任；\nc）保障安全；\nd）开展培训。"
    assert classify_crosslingual(four, listed)[0].value == "technical"  # both are lists: a member dropped


def test_working_days_are_not_days() -> None:
    chinese = "材料齐全的，应在三十个工作日内予以备案。"
    assert classify_crosslingual(chinese, "Where the materials are complete, the filing shall be completed within "
                                          "30 working days.")[0].value == "unchanged"
    status, why = classify_crosslingual(chinese, "Where the materials are complete, the filing shall be completed "
                                                 "within 30 days.")
    assert status.value == "technical" and "工作日" in why[0]


def test_a_may_left_over_after_the_possibilities_still_permits() -> None:
    chinese = "发生或者可能发生信息泄露的，应立即采取补救措施，并向有关主管部门报告。"
    loose = ("Where information has been or may be disclosed, operators shall take remedial measures immediately; "
             "they may also report the matter to the competent authorities.")
    assert classify_crosslingual(chinese, loose)[0].value == "technical"
    faithful = ("Where information has been or may be disclosed, operators shall take remedial measures immediately "
                "and report the matter to the competent authorities.")
    assert classify_crosslingual(chinese, faithful)[0].value == "unchanged"


def test_definitions_hold_no_provisions_across_languages() -> None:
    english = "any measure aiming to achieve the return to the provider or disabling the use of an AI system"
    chinese = "旨在使人工智能系统返还提供者或禁止使用的任何措施"
    assert classify_crosslingual(english, chinese)[0].value == "technical"  # as clause text, 禁止 requires
    assert classify_crosslingual(english, chinese, term=True)[0].value == "unchanged"
    assert classify_crosslingual("a set of 3 items", "包含5个项目的集合", term=True)[0].value == "technical"
