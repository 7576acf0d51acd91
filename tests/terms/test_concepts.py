"""Key-concept comparison of definitions (TRM-101 on specialised rewordings), the quoted-gloss form of TRM-107,
one finding per variant occurrence (TRM-109) and the full traditional-character table."""

from __future__ import annotations

from dataclasses import replace

from assistant.terms.check import check_terms
from assistant.terms.concepts import add_glossary, coverage, key_words
from assistant.terms.normalize import fold_chars, term_key
from tests.terms.conftest import HASH_THRESHOLDS, draft, entry

DETECTION = "在图像或视频中定位感兴趣的目标并确定其类别的任务"  # the project base's 目标检测 (ai-0157)
SPECIALISED = "在巡检图像或视频中找出绝缘子、金具等关注对象所在的位置，并判定其所属类别的任务"
OTHER = "在巡检图像中按亮度将像素分为前景和背景两部分的处理步骤"

# only the key-concept evidence decides: every similarity is "low", no shared-wording or rival shortcut applies
KEY_ONLY = replace(HASH_THRESHOLDS, conflict_sim=1.01, paraphrase_sim=1.01, conflict_overlap=1.01, conflict_gap=9.0)


class Names:
    def __init__(self, table: dict[str, set[str]]) -> None:
        self.table = table

    def names_of(self, word: str) -> set[str]:
        return self.table.get(word, set())


def test_specialised_rewording_keeps_key_concepts():
    assert coverage(SPECIALISED, DETECTION) >= 0.5  # 图像, 视频, 类别, 任务 … kept inside the field's words
    assert coverage(OTHER, DETECTION) < 0.3


def test_coverage_counts_only_the_reference_words():
    # words a draft adds for its own field do not lower the score; words it drops do
    assert coverage(DETECTION + "，用于变电站设备的绝缘子、金具和销钉", DETECTION) == 1.0
    assert coverage("在图像中确定其类别的任务", DETECTION) < coverage(DETECTION, DETECTION)


def test_coverage_uses_the_glossary_for_other_names():
    reference = "系统保持鲁棒性的能力"
    assert coverage("装置保持稳健性的能力", reference) < coverage("装置保持稳健性的能力", reference,
                                                             Names({"鲁棒性": {"鲁棒性", "稳健性"}}))


def test_glossary_terms_stay_whole():
    add_glossary(["样例感知节点"])
    words = key_words("部署在田间的样例感知节点采集数据")
    assert "样例感知节点" in words and "感知" not in words


def test_english_key_words_and_inflections():
    assert key_words("the data used for the training of a model") == {"data", "training", "model"}
    assert coverage("labels attached to data samples", "label attached to a data sample") == 1.0


def test_specialised_definition_is_no_conflict(base):
    doc = draft(entry("3.1", "目标检测", "object detection", SPECIALISED), "目标检测应可靠。")
    assert [f for f in check_terms(doc, base, KEY_ONLY) if f.rule == "TRM-101"] == []
    # the same draft with the key-concept evidence switched off is flagged: that evidence is what clears it
    off = replace(KEY_ONLY, key_cover=9.0)
    assert [f.rule for f in check_terms(doc, base, off) if f.rule == "TRM-101"] == ["TRM-101"]


def test_other_concept_under_the_name_is_a_conflict(base):
    doc = draft(entry("3.1", "目标检测", "object detection", OTHER), "目标检测应可靠。")
    found = [f for f in check_terms(doc, base, KEY_ONLY) if f.rule == "TRM-101"]
    assert found and found[0].term == "目标检测"


def test_undefined_with_the_gloss_inside_the_quotes(base):
    body = ("采集记录宜登记“样例冠层指数（sample canopy index）”。系统应记录“样例专名”（sample proper name）。"
            '设备应输出"样例点云(sample point cloud)"。')
    doc = draft(entry("3.1", "样例概念", "sample concept", "某种样例概念"), "样例概念。" + body)
    found = {f.term for f in check_terms(doc, base, HASH_THRESHOLDS) if f.rule == "TRM-107"}
    assert found == {"样例冠层指数", "样例专名", "样例点云"}


def test_unquoted_gloss_of_unknown_phrase_is_not_a_term(base):
    body = "样例冠层指数（sample canopy index）应登记。“零缺陷”是目标。"
    doc = draft(entry("3.1", "样例概念", "sample concept", "某种样例概念"), "样例概念。" + body)
    assert [f for f in check_terms(doc, base, HASH_THRESHOLDS) if f.rule == "TRM-107"] == []


def test_variant_inside_a_longer_variant_is_reported_once(base):
    doc = draft(entry("3.1", "样例移动机器人", "sample mobile robot", "某种样例机器人", extra="SMR")
                + entry("3.2", "SMR集群调度", "SMR fleet scheduling", "某种样例调度"),
                "样例移动机器人运行。SMR集群调度应记录。\n\nＳＭＲ集群调度的周期应不大于1 s。")
    found = [(f.term, f.text) for f in check_terms(doc, base, HASH_THRESHOLDS) if f.rule == "TRM-109"]
    assert found == [("SMR集群调度", "ＳＭＲ集群调度")]


def test_variant_of_the_abbreviation_elsewhere_still_counts(base):
    doc = draft(entry("3.1", "样例移动机器人", "sample mobile robot", "某种样例机器人", extra="SMR")
                + entry("3.2", "SMR集群调度", "SMR fleet scheduling", "某种样例调度"),
                "样例移动机器人运行。SMR集群调度应记录。\n\nＳＭＲ集群调度的周期应不大于1 s，ＳＭＲ应充电。")
    found = sorted((f.term, f.text) for f in check_terms(doc, base, HASH_THRESHOLDS) if f.rule == "TRM-109")
    assert found == [("SMR集群调度", "ＳＭＲ集群调度"), ("样例移动机器人", "ＳＭＲ")]


def test_variant_of_the_abbreviation_alone_is_still_reported(base):
    doc = draft(entry("3.1", "样例移动机器人", "sample mobile robot", "某种样例机器人", extra="SMR"),
                "样例移动机器人运行，SMR应记录。\n\nＳＭＲ的周期应不大于1 s。")
    found = [(f.term, f.text) for f in check_terms(doc, base, HASH_THRESHOLDS) if f.rule == "TRM-109"]
    assert found == [("样例移动机器人", "ＳＭＲ")]


def test_traditional_characters_of_any_field_fold():
    assert fold_chars("人工智能醫療器械") == "人工智能医疗器械"
    assert term_key("臨床評價") == term_key("临床评价")
    assert fold_chars("著作权") == "著作权"  # a character simplified text uses too is left alone


def test_traditional_variant_in_another_field(base):
    doc = draft(entry("3.1", "样例醫疗器械", "sample medical device", "某种样例器械").replace("样例醫疗器械", "样例医疗器械"),
                "样例医疗器械应注册。样例醫療器械上市前应完成评价。")
    found = [f.text for f in check_terms(doc, base, HASH_THRESHOLDS) if f.rule == "TRM-109"]
    assert found == ["样例醫療器械"]


# only the rival rule decides: never "low", any other concept counts as nearer, no paraphrase shortcut
RIVAL_ONLY = replace(HASH_THRESHOLDS, conflict_sim=-1.0, conflict_gap=-1.0, paraphrase_sim=1.01, conflict_overlap=1.01)


def test_rival_counts_only_when_the_draft_speaks_of_it(base):
    specialised = draft(entry("3.1", "目标检测", "object detection", SPECIALISED), "目标检测应可靠。")
    assert [f for f in check_terms(specialised, base, RIVAL_ONLY) if f.rule == "TRM-101"] == []
    # 目标检测 defined with 图像分割's words (divide an image into regions, label every pixel)
    swapped = draft(entry("3.1", "目标检测", "object detection", "将巡检图像划分为若干语义一致的区域并为每个像素赋予类别的任务"),
                    "目标检测应可靠。")
    found = [f for f in check_terms(swapped, base, RIVAL_ONLY) if f.rule == "TRM-101"]
    assert found and "图像分割" in found[0].message_zh
