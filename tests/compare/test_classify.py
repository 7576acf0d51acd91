"""Editorial versus technical changes of one clause."""

from __future__ import annotations

import pytest

from assistant.compare.classify import classify
from assistant.compare.crosslingual import classify_crosslingual, values
from assistant.compare.diff import word_diff

BASE = "系统应记录全部管理员操作日志，日志至少保存6个月。审计人员应每月检查日志。"


def _status(right: str, left: str = BASE) -> str:
    return classify(left, right, left, right)[0].value


@pytest.mark.parametrize("right", [
    "系统应记录全部管理员操作日志,日志至少保存6个月.审计人员应每月检查日志.",  # half-width punctuation
    "系统应记录全部管理员操作日志日志至少保存6个月。审计人员应每月检查日志。",  # a comma dropped
    "系统应记录所有管理员操作日志，日志至少保存6个月。审计人员应每月检查日志。",  # synonym
    "系统应记录全部管理员的操作日志，日志至少保存6个月。审计人员应每月检查日志。",  # particle
    "系统应记录全部管理员操作日志，日志不少于保存6个月。审计人员应每月检查日志。",  # same comparator class
])
def test_editorial(right: str) -> None:
    assert _status(right) == "editorial"


@pytest.mark.parametrize(("right", "why"), [
    ("系统宜记录全部管理员操作日志，日志至少保存6个月。审计人员应每月检查日志。", "verbal form"),
    ("系统应记录全部管理员操作日志，日志至少保存12个月。审计人员应每月检查日志。", "value"),
    ("系统应记录全部管理员操作日志，日志至少保存6年。审计人员应每月检查日志。", "unit"),
    ("系统应记录全部管理员操作日志，日志至多保存6个月。审计人员应每月检查日志。", "comparator"),
    ("系统应记录全部管理员操作日志，日志至少保存6个月。", "removed"),
    (BASE + "日志应异地备份。", "added"),
    ("在生产环境中，系统应记录全部管理员操作日志，日志至少保存6个月。审计人员应每月检查日志。", "condition"),
    # a qualifier only added narrows whom the requirement covers
    ("系统应记录全部特权管理员操作日志，日志至少保存6个月。审计人员应每月检查日志。", "scope"),
    ("系统应记录全部操作日志，日志至少保存6个月。审计人员应每月检查日志。", "scope"),  # only removed: widened
])
def test_technical(right: str, why: str) -> None:
    status, changes = classify(BASE, right, BASE, right)
    assert status.value == "technical"
    assert any(why in c for c in changes), changes


def test_unchanged() -> None:
    assert _status(BASE) == "unchanged"
    assert _status(BASE.replace("。", "。\n")) == "unchanged"  # re-flowed lines are layout


def test_condition_wording_is_editorial() -> None:
    left = "在仅安装一个设备的系统上，应启动新进程。"
    assert _status("在仅安装一个设备系统上，应启动新进程。", left) == "editorial"


def test_word_diff_uses_words() -> None:
    ops = word_diff("系统应记录日志。", "系统宜记录日志。")
    assert [o.op for o in ops] == ["equal", "replace", "equal"]
    assert (ops[1].left, ops[1].right) == ("应", "宜")
    en = word_diff("Logs shall be kept.", "Logs should be kept.")
    assert any(o.op == "replace" and o.left == "shall" and o.right == "should" for o in en)


def test_crosslingual_values_ignore_labels_and_conventions() -> None:
    assert values("NOTE 1 to entry: see 5.3 and ISO/IEC 25012:2008; accuracy 0,962 on 1 000 records") == \
        values("注1：见5.3和ISO/IEC 25012:2008；准确率0.962，1000个记录")


def test_crosslingual_classification() -> None:
    zh = "系统应记录日志，日志至少保存6个月。"
    assert classify_crosslingual("Logs shall be kept for at least 6 months.", zh)[0].value == "unchanged"
    assert classify_crosslingual("Logs should be kept for at least 6 months.", zh)[0].value == "technical"
    assert classify_crosslingual("Logs shall be kept for at least 3 months.", zh)[0].value == "technical"
    assert classify_crosslingual("Logs shall be kept.", "日志应保存。", informative=True)[0].value == "unchanged"


def test_replaced_wording_stays_editorial() -> None:
    left = "表1给出的附加特性适用于全部数据集。"
    assert _status("表1所列的附加特性适用于全部数据集。", left) == "editorial"  # words replaced, not added


@pytest.mark.parametrize(("left", "right", "status"), [
    # a year glued to Chinese text is a label, not a value
    ("Results on newstest2014 reached about 28 points.", "newstest2014上的结果约为28分。", "unchanged"),
    ("The figures are those published up to 2025.", "数值为截至2025年公开的数值。", "unchanged"),
    # figures inside a note are informative: a note added with numbers is editorial
    ("Logs shall be kept.", "日志应予保存。\n注：通常保存10至25个月。", "editorial"),
    # a cross-reference left out is editorial; a renumbered one is no change
    ("The threshold cannot be verified (see 11.7).", "该阈值无法验证。", "editorial"),
    ("The tasks specified in 5.4.1 to 5.4.5.", "5.4.1～5.4.5规定的任务。", "unchanged"),
    ("An example is given in Annex B.", "示例见附录B。", "unchanged"),
    # 不可比 is "incomparable", not a prohibition; "in accordance with clause 5" is a label
    ("BLEU values are not comparable across test sets.", "不同测试集之间的BLEU不可比较。", "unchanged"),
    ("Logs shall be kept in accordance with clause 5.", "日志应按第5章的规定保存。", "unchanged"),
])
def test_crosslingual_labels_notes_and_references(left: str, right: str, status: str) -> None:
    assert classify_crosslingual(left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    # "may" as a possibility is 可能; 可以 is often "can"
    ("Where these services may cause confusion, the provider shall label them.",
     "提供上述服务可能导致混淆的，提供者应进行标识。", "unchanged"),
    ("Discrete devices can access host memory directly.", "独立设备可以直接访问主机存储。", "unchanged"),
    ("Users may switch the service off.", "用户应关闭该服务。", "technical"),  # a permission made a duty
    # 成 is tenths: 二成至六成 is 20 % to 60 %
    ("MFU is between about 20 % and 60 %.", "MFU多在约二成至六成之间。", "unchanged"),
    ("MFU is between about 20 % and 60 %.", "MFU多在约二成至五成之间。", "technical"),
    # Article numbers and Regulation numbers are labels; a dropped one is an omitted reference
    ("data referred to in Article 72 of Regulation (EU) 2024/1689", "第（EU）2024/1689号条例第72条所述的数据",
     "unchanged"),
    ("information required pursuant to Article 13 of Regulation (EU) 2024/1689", "所要求的信息", "editorial"),
])
def test_crosslingual_possibility_tenths_and_articles(left: str, right: str, status: str) -> None:
    assert classify_crosslingual(left, right)[0].value == status


def test_monolingual_notes_examples_and_numerals() -> None:
    left = "组织应保留成文信息。\n注：成文信息可作为管理体系的组成部分（参见参考文献[6]）。"
    assert _status("组织应保留成文信息。\n注：成文信息可作为管理体系的组成部分。", left) == "editorial"  # citation
    assert _status("组织应保留成文信息。", left) == "editorial"  # a note dropped
    with_example = "组织应选择处置方案。\n示例：对误识率偏高的风险，补充训练数据。"
    assert _status("组织应选择处置方案。", with_example) == "editorial"
    status, why = classify("比值宜至少保留三位小数。", "比值宜至少保留四位小数。",
                           "比值宜至少保留三位小数。", "比值宜至少保留四位小数。")
    assert status.value == "technical" and any("value" in w for w in why)


@pytest.mark.parametrize(("left", "right", "status"), [
    # the statistic a test method takes is technical
    ("重复10次，取最大值作为测试结果。", "重复10次，取中位数作为测试结果。", "technical"),
    ("取各平台效率的调和平均。", "取各平台效率的算术平均。", "technical"),
    # a cross-reference removed, a conjunction for a list comma, and a synonym for 单次 are editorial
    ("编程模型应提供统一中间表示（见8.4），以支持多种设备。", "编程模型应提供统一中间表示，以支持多种设备。", "editorial"),
    ("用于评价风险重要程度、确定风险处置优先顺序的依据。", "用于评价风险重要程度和确定风险处置优先顺序的依据。", "editorial"),
    ("单次的风险评估难以反映实际水平。", "一次性的风险评估难以反映实际水平。", "editorial"),
    # rewording inside a condition is editorial; a new condition is not
    ("在仅安装一个设备的系统上，应启动新进程。", "在只安装一个设备的系统上，应启动新进程。", "editorial"),
])
def test_statistics_references_conjunctions_and_conditions(left: str, right: str, status: str) -> None:
    assert _status(right, left) == status


def test_sections_and_designations_are_labels() -> None:
    english = "Providers shall ensure compliance with the requirements set out in Section 2."
    assert classify_crosslingual(english, "提供者应确保符合第2节规定的要求。")[0].value == "unchanged"
    left = "强扩展效率随设备数增加而下降（参见STDRAFT-REF 1—2026的6.4），且未计通信开销。"
    right = "强扩展效率随设备数增加而下降，且未计通信开销。"
    assert _status(right, left) == "editorial"  # a cross-reference to another document left out


def test_deeming_dotted_points_and_reference_lists() -> None:
    english = "Pre-determined changes shall not constitute a substantial modification."
    assert classify_crosslingual(english, "预先确定的变更不构成重大修改。")[0].value == "unchanged"
    points = "Points 4.3 and 4.4 of Annex VII shall also apply."
    assert classify_crosslingual(points, "附件七第4.3点和第4.4点也适用。")[0].value == "unchanged"
    left = "阈值严于公开报道最佳值（参见STDRAFT-REF 1—2026的6.2、6.3），超出现有水平。"
    assert _status("阈值严于公开报道最佳值，超出现有水平。", left) == "editorial"


def test_test_method_reference_reworded_is_editorial() -> None:
    from assistant.compare.classify import classify

    left = "程序应通过附录A规定的全部功能测试用例，按9.4规定的方法测试。"
    right = "程序应通过附录A规定的全部功能测试用例，测试方法见9.4。"
    assert classify(left, right, left, right)[0].value == "editorial"
    dropped = "程序宜通过附录A规定的全部功能测试用例，测试方法见9.4。"  # the reference hides no other change
    assert classify(left, dropped, left, dropped)[0].value == "technical"


def test_word_replaced_in_a_definition_is_technical() -> None:
    from assistant.compare.classify import classify

    left = "算力利用率\n在规定负载下实测的运算速率与设备的标称峰值运算速率之比"
    right = "算力利用率\n在规定负载下实测的运算速率与设备的实测峰值运算速率之比"
    assert classify(left, right, left, right, term=True)[0].value == "technical"
    assert classify(left, right, left, right)[0].value == "editorial"  # in a clause, a rewording
    reflowed = "算力利用率\n在规定负载下实测的运算速率与设备的标称峰值运算速率之比。"
    assert classify(left, reflowed, left, reflowed, term=True)[0].value == "editorial"


def test_foreword_changes_are_editorial() -> None:
    from assistant.compare import compare_documents
    from tests.compare.conftest import doc

    head = "---\ndesignation: GB/T 99993—2026\nkind: GB/T\ntitle_zh: 前言测试\nlanguage: zh\n---\n\n## 前言\n\n"
    body = "\n\n## 1　范围\n\n本文件规定了要求。\n"
    left = head + "本文件按照GB/T 1.1—2020的规定起草。\n\n在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。" + body
    right = head + "本文件按照GB/T 1.1—2020的规定起草。" + body
    pair = next(p for p in compare_documents(doc(left), doc(right)).pairs if p.left == "前言")
    assert pair.status.value == "editorial"


def test_numeral_form_in_a_sentence_is_editorial_and_alternatives_are_technical() -> None:
    from assistant.compare.classify import classify

    left = "处理不满十四周岁未成年人个人信息的，应取得监护人的同意。\n处理不满十四周岁未成年人个人信息的，应制定专门规则。"
    right = left.replace("十四", "14")
    assert classify(left, right, left, right)[0].value == "editorial"
    one = "推送信息时，应提供不针对个人特征的选项，或者提供便捷的拒绝方式。"
    both = "推送信息时，应提供不针对个人特征的选项，并提供便捷的拒绝方式。"
    status, why = classify(one, both, one, both)
    assert status.value == "technical" and any("选择关系" in w for w in why)


def test_negated_bound_in_either_order_is_one_requirement() -> None:
    from assistant.compare.classify import classify

    left = "疲劳和分心的识别准确率应不低于95%。"
    right = "疲劳和分心的识别准确率不应低于95%。"
    assert classify(left, right, left, right)[0].value == "editorial"
    weaker = "疲劳和分心的识别准确率宜不低于95%。"
    assert classify(left, weaker, left, weaker)[0].value == "technical"


@pytest.mark.parametrize(("left", "right", "status"), [
    # a count in words replaced by another count in words
    ("处理不满十四周岁未成年人个人信息的，应取得监护人同意。",
     "Where personal information of minors under sixteen is handled, consent of the guardian shall be obtained.",
     "technical"),
    ("处理不满十四周岁未成年人个人信息的，应取得监护人同意。",
     "Where personal information of minors under fourteen is handled, consent of the guardian shall be obtained.",
     "unchanged"),
    # "both" alone is not a value that went missing
    ("组织应记录有益的和有害的影响。", "The organization shall record both beneficial and harmful impacts.",
     "unchanged"),
    # how often: 每年 against "every two years", and against "annually"
    ("运营者应每年至少进行一次检测评估。", "Operators shall carry out testing at least once every two years.",
     "technical"),
    ("运营者应每年至少进行一次检测评估。", "Operators shall carry out testing at least once annually.", "unchanged"),
    # a requirement of another law, reported, and 允许 as an attribute: no provision of the document's own
    ("法律、行政法规规定处理敏感个人信息应取得书面同意的，从其规定。",
     "Where laws or administrative regulations require written consent for handling sensitive personal "
     "information, those provisions apply.", "unchanged"),
    ("OpenCL规范规定了允许的最大误差。", "The OpenCL specification specifies the maximum error allowed.", "unchanged"),
    ("允许采用其他测量方法。", "Other measurement methods are used.", "technical"),
])
def test_crosslingual_spelt_counts_periods_and_reported_provisions(left: str, right: str, status: str) -> None:
    assert classify_crosslingual(left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    ("OpenCL 3.0将多数功能改为可选。", "OpenCL 3.0将全部功能改为可选。", "technical"),  # most → all
    ("OpenCL 3.0将所有功能改为可选。", "OpenCL 3.0将全部功能改为可选。", "editorial"),  # all → all
    ("性能比例从接近持平到不足一半不等。", "性能比例从接近持平到不足三分之一不等。", "technical"),
    ("性能比例从接近持平到不足一半不等。", "性能比例从接近持平到不足1/2不等。", "editorial"),
    # 予以 is a light verb: reordering with it adds nothing
    ("评测机构应记录被测模型的版本，并在评测报告中给出。", "评测机构应在评测报告中给出被测模型的版本，并予以记录。",
     "editorial"),
])
def test_quantifiers_fractions_and_light_verbs(left: str, right: str, status: str) -> None:
    assert classify(left, right, left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    # GB/T 1.1—2020 Annex C: the allowed equivalents of a verbal form state the same provision
    ("系统应记录操作日志。", "系统应当记录操作日志。", "editorial"),
    ("系统不应保存明文口令。", "系统不得保存明文口令。", "editorial"),
    ("用户可导出数据。", "用户可以导出数据。", "editorial"),
    ("系统宜支持加密。", "系统应该支持加密。", "technical"),  # a recommendation became a requirement
    ("系统应支持加密。", "系统不应支持加密。", "technical"),  # polarity
    # a short sentence reworded is not one sentence removed and another added
    ("样本不少于3个。", "样本至少3个。", "editorial"),
    ("样本不少于3个。", "样本不多于3个。", "technical"),
    ("系统应记录日志。", "系统应记录日志。系统应备份日志。", "technical"),
    ("响应时间不超过5 min。", "响应时间不超过5分钟。", "editorial"),  # minutes, not a minimum
])
def test_equivalent_verbal_forms_short_rewordings_and_minutes(left: str, right: str, status: str) -> None:
    assert classify(left, right, left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    # one duration or unit written two ways
    ("日志应保存12个月。", "日志应保存1年。", "editorial"),
    ("日志应保存12个月。", "日志应保存2年。", "technical"),
    ("应在24 h内报告。", "应在24小时内报告。", "editorial"),
    ("应在24 h内报告。", "应在1 d内报告。", "editorial"),
    ("应在24 h内报告。", "应在48小时内报告。", "technical"),
    ("延迟不大于5 s。", "延迟不大于5秒。", "editorial"),
    ("延迟不大于5 s。", "延迟不大于5毫秒。", "technical"),
    ("人工嘴应置于正前方1米处。", "人工嘴应置于正前方1 m处。", "editorial"),
    ("应每年评审一次。", "应每12个月评审一次。", "editorial"),
    ("应包括5个要素。", "应包括5项要素。", "editorial"),  # measure words are not units
    # a condition moved inside its sentence is still there; removed, it is not
    ("当温度超过40 ℃时，系统应告警。", "系统应在温度超过40 ℃时告警。", "editorial"),
    ("当温度超过40 ℃时，系统应告警。", "系统应告警。", "technical"),
])
def test_units_durations_and_moved_conditions(left: str, right: str, status: str) -> None:
    assert classify(left, right, left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    # units of one value across languages
    ("延迟应不大于5秒。", "The latency shall not exceed 5 s.", "unchanged"),
    ("延迟应不大于5秒。", "The latency shall not exceed 5 ms.", "technical"),
    ("人工嘴应置于正前方1米处。", "The artificial mouth shall be placed 1 m in front.", "unchanged"),
    ("人工嘴应置于正前方1米处。", "The artificial mouth shall be placed 1 cm in front.", "technical"),
    # a negated bound is a bound, in either language; its direction counts
    ("准确率不应低于95%。", "The accuracy shall not be less than 95 %.", "unchanged"),
    ("准确率不得低于95%。", "The accuracy shall be at least 95 %.", "unchanged"),
    ("准确率应不低于95%。", "The accuracy shall be at most 95 %.", "technical"),
    ("报告不应晚于10日。", "The report shall be provided not later than 10 days.", "unchanged"),
    # polarity of a provision
    ("组织应记录日志，不得删除日志。", "The organization shall record logs and shall not delete them.", "unchanged"),
    ("组织应记录日志，不得删除日志。", "The organization shall record logs and delete them.", "technical"),
    ("特殊类别个人数据不得向其他方传输。", "The special categories of data shall be kept; they are not to be transmitted.",
     "unchanged"),
    ("个人信息处理者可不向个人告知。", "The handler may process the information without notifying the individual.",
     "unchanged"),
    ("This obligation shall not cover operational data.", "本义务不涵盖运行数据。", "unchanged"),
    ("No later than 15 days after it becomes aware, the provider shall notify the authority.",
     "提供者应在知悉后15日内通知主管部门。", "unchanged"),  # a bound, not a prohibition
    ("No provider shall place such a system on the market.", "提供者应将此类系统投放市场。", "technical"),
])
def test_crosslingual_units_bounds_and_polarity(left: str, right: str, status: str) -> None:
    assert classify_crosslingual(left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    # one duration, one number, in each language's way of writing it
    ("组织应在发现事件后72小时内报告。", "The organization shall report the incident within three days of its discovery.",
     "unchanged"),
    ("组织应在发现事件后72小时内报告。", "The organization shall report the incident within two days of its discovery.",
     "technical"),
    ("日志应保存6个月。", "Logs shall be kept for half a year.", "unchanged"),
    ("测试样本数量应不少于1 000个。", "The test set shall contain at least 1,000 samples.", "unchanged"),
    ("精确率应达到0.962以上。", "The precision shall be 0,962 or higher.", "unchanged"),  # the ISO decimal comma
    # ISO/IEC Directives Part 2: expressions allowed in place of should, shall, may and need not
    ("系统宜提供日志导出功能。", "It is recommended that the system provide a log export function.", "unchanged"),
    ("系统应提供日志导出功能。", "It is recommended that the system provide a log export function.", "technical"),
    ("系统应提供日志导出功能。", "The system is required to provide a log export function.", "unchanged"),
    ("收集评估所需的信息。", "Collect the information that is required to assess the risk.", "unchanged"),
    ("用户可导出日志。", "Users are permitted to export logs.", "unchanged"),
])
def test_crosslingual_durations_thousands_and_iso_equivalents(left: str, right: str, status: str) -> None:
    assert classify_crosslingual(left, right)[0].value == status


@pytest.mark.parametrize(("left", "right", "status"), [
    ("应定期开展评估。", "应每季度开展评估。", "technical"),  # how often is now fixed
    ("应每年开展评估。", "应定期开展评估。", "technical"),
    ("评估结果应形成报告。", "评估结果应形成书面报告。", "technical"),  # a qualifier inside a longer word
    ("评估结果应形成书面报告。", "评估结果应形成报告。", "technical"),
    ("公开排行和论文报告的最佳值约84%。", "公开排行榜和论文所报告的最佳值约84%。", "editorial"),
])
def test_periods_and_qualifiers_inside_words(left: str, right: str, status: str) -> None:
    assert classify(left, right, left, right)[0].value == status
