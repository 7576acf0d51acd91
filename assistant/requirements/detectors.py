"""Signs of unverifiable (REQ-00x) and infeasible (REQ-10x) requirements in one sentence.

Each detector looks for one sign from GB/T 1.1-2020 §10/§11 as the rules file lists them, and knows
the look-alikes a reviewer would let pass: a closed set ("表A.1所列的全部接口"), a vague word with a
value beside it ("应在5 min内快速恢复"), a vendor named as an example ("如CUDA、HIP"), a technique
whose name contains an absolute ("零拷贝", "无损压缩").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from assistant.document.patterns import PLACEHOLDER_DESIGNATION
from assistant.document.provisions import ProvisionType
from assistant.requirements.analysis import (
    COMPARED_VALUE,
    QUANTITY,
    REFERS_TO_SPEC,
    TEST_METHOD,
    RequirementAnalysis,
    analyse,
)
from assistant.requirements.sota import beyond_state_of_art


class Detection(BaseModel):
    model_config = ConfigDict(frozen=True)  # detections are cached per sentence and shared

    rule: str
    matched: str
    start: int = 0
    reason_zh: str
    reason_en: str
    suggestion: str = ""


Detector = Callable[[str, RequirementAnalysis], list[Detection]]
_DETECTORS: list[Detector] = []


def detector(func: Detector) -> Detector:
    _DETECTORS.append(func)
    return func


def _is_english(text: str) -> bool:
    return not re.search(r"[\u4e00-\u9fff]", text)


def _has_value(text: str) -> bool:
    return bool(QUANTITY.search(text) or COMPARED_VALUE.search(text) or REFERS_TO_SPEC.search(text))


def _strip_examples(text: str) -> str:
    """Vendor or product names given as examples are not mandates: drop "（如…）", "例如…", "e.g. …"."""
    text = re.sub(r"[（(]\s*(?:如|例如|比如|e\.g\.|for example|such as)[^）)]*[）)]", "", text, flags=re.I)
    text = re.sub(r"(?:例如|比如|诸如|such as|e\.g\.,?|for example,?)\s*[^，。；,;]*", "", text, flags=re.I)
    return re.sub(r"[《“\"][^》”\"]*[》”\"]", "", text)


# --- unverifiable ------------------------------------------------------------------------------

VAGUE_ZH = ("适当", "适度", "足够", "充足", "显著", "明显", "快速", "迅速", "高效", "友好", "尽可能", "尽量",
            "合理", "良好", "及时", "充分", "先进", "方便", "便捷", "灵活", "简洁", "易用", "清晰", "较好", "较快",
            "一定的", "必要的", "大幅", "有效地", "稳定地", "平稳", "流畅", "最优", "最佳", "优异", "出色", "完善的",
            "健全的", "尽快", "妥善", "高质量")
VAGUE_EN = ("appropriate", "appropriately", "sufficient", "sufficiently", "adequate", "adequately",
            "user-friendly", "user friendly", "as far as possible", "as soon as possible", "as much as possible",
            "fast", "quickly", "rapidly", "efficient", "efficiently", "reasonable", "reasonably", "good", "timely",
            "easy", "easily", "simple", "flexible", "seamless", "seamlessly", "significant", "significantly",
            "optimal", "best", "excellent", "suitable", "acceptable", "minimal", "promptly", "smooth", "smoothly",
            "intuitive", "state-of-the-art", "high quality", "high-quality")
_VAGUE_ZH_RE = re.compile("|".join(sorted(map(re.escape, VAGUE_ZH), key=len, reverse=True))
                          + r"|稳定(?!性|期|版|状态|的(?:电源|供电))")
_VAGUE_EN_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, VAGUE_EN), key=len, reverse=True)) + r")\b",
                          re.I)
# words that contain a vague word but name a thing ("合理性", "及时性" as a measured property are still vague)
_VAGUE_NOT = re.compile(r"高效能比|适当性评估|good practice|best practice|best effort|best-effort")


@detector
def vague_qualifier(text: str, a: RequirementAnalysis) -> list[Detection]:
    if _has_value(text):
        return []
    clean = _VAGUE_NOT.sub("", _strip_examples(text))
    if _is_english(text):
        clean = re.sub(r"\b(?:where|if|when|unless)\b[^,;.]*", "", clean, flags=re.I)
    m = (_VAGUE_EN_RE if _is_english(text) else _VAGUE_ZH_RE).search(clean)
    if not m:
        return []
    word = m.group(0)
    return [Detection(
        rule="REQ-001", matched=word, start=text.find(word),
        reason_zh=f"“{word}”是模糊限定词，没有可测量的值，无法客观验证",
        reason_en=f"'{word}' is a vague qualifier with no measurable value; the requirement cannot be verified",
        suggestion=_template(text, a),
    )]


PROPERTIES_ZH = ("延迟", "时延", "响应时间", "吞吐", "吞吐量", "精度", "准确率", "召回率", "错误率", "误报率", "漏报率",
                 "可用性", "带宽", "功耗", "能效", "利用率", "速度", "性能", "容量", "并发", "帧率", "识别率", "成功率",
                 "开销", "内存占用", "存储空间", "恢复时间", "加速比", "扩展效率", "效率", "稳定性", "可靠性", "鲁棒性",
                 "一致性", "兼容性", "安全性", "可扩展性", "实时性")
PROPERTIES_EN = ("latency", "response time", "throughput", "accuracy", "precision", "recall", "error rate",
                 "availability", "bandwidth", "power consumption", "energy efficiency", "utilization", "utilisation",
                 "speed", "performance", "capacity", "frame rate", "success rate", "overhead", "memory footprint",
                 "recovery time", "speedup", "scaling efficiency", "efficiency", "reliability", "robustness",
                 "scalability")
_DEGREE_ZH = re.compile(
    r"(?<![提升最增降减不])(?:较高|较低|较强|较弱|较大|较小|较少|较多|较长|较短|极高|极低|高度|超大规模|大规模|高|低|长|强)"
    r"(?![于制调])的?"
    r"[\u4e00-\u9fffA-Za-z]{0,4}?(?:性|率|度|能力|时延|延迟|开销|能耗|功耗|精度|效率|吞吐量?|比|上下文|集群|可用|容量|带宽|"
    r"速度|并发|分辨率|互联)|(?:" + "|".join(PROPERTIES_ZH) + r")(?:应|宜)?(?:为|保持)?(?:较|更|很|尽量)?(?:高|低|大|小|强|好|优|快)|"
    r"(?:满足|具备|具有|保证|确保)[\u4e00-\u9fff]{0,8}?(?:实时性|时效性|低延迟|高可用|高性能)(?:的)?(?:要求|需求)?")
_DEGREE_EN = re.compile(r"\b(?:high|low|higher|lower|large|small|great|greater|minimal|maximal|improved|reduced|"
                        r"increased|better|long|short|distant|large-scale|highly)[- ]+(?:(?:\w+\s+){0,2}?)(?:"
                        + "|".join(PROPERTIES_EN) + r"|context(?: windows?)?|objects?|available|scalable|accurate|"
                        r"reliable|clusters?|inputs?)\b|\brobust\s+(?:to|against)\b", re.I)
_ACHIEVE = re.compile(r"(?:应当?|宜)\s*(?:提高|提升|降低|减少|优化|改善|保证|保障|确保|具备|具有)(?:\w{0,6})(?:" + "|".join(PROPERTIES_ZH)
                      + ")|(?:shall|should)\\s+(?:improve|reduce|optimi[sz]e|ensure|maximi[sz]e|minimi[sz]e)\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:"
                      + "|".join(PROPERTIES_EN) + ")", re.I)


# "低精度计算", "高带宽内存": a degree word inside a compound noun names a thing, not a requirement
_COMPOUND_NOUN = re.compile(r"(?:计算|运算|格式|数据类型|推理|训练|模式|内存|存储器|芯片|器件|版本)")


@detector
def no_measurable_property(text: str, a: RequirementAnalysis) -> list[Detection]:
    if _has_value(text):
        return []
    clean = _strip_examples(text)
    # a phrase already reported as vague or as process wording is not reported again as REQ-002
    taken = {d.matched for d in vague_qualifier(text, a)} | {d.matched for d in process_wording(text, a)}
    m = next((x for x in [*(_DEGREE_EN if _is_english(text) else _DEGREE_ZH).finditer(clean),
                          *_ACHIEVE.finditer(clean)]
              if not any(t in x.group(0) or x.group(0) in t for t in taken)
              and not _COMPOUND_NOUN.match(clean, x.end())), None)
    if not m:
        return []
    return [Detection(
        rule="REQ-002", matched=m.group(0), start=text.find(m.group(0)),
        reason_zh=f"“{m.group(0)}”涉及可测量的特性，但未给出数值、单位或判定条件",
        reason_en=f"'{m.group(0)}' names a measurable property but gives no value, unit or pass criterion",
        suggestion=_template(text, a),
    )]


_THRESHOLD = re.compile(
    r"(?:不低于|不高于|不少于|不多于|不大于|不小于|不超过|低于|高于|大于|小于|超过|达到|至少|至多|≥|≤|"
    r"at least|at most|not less than|not more than|no less than|no more than|not exceed|less than|greater than|"
    r"more than|below|above|up to)\s*(?:每\s*\d+\s*\w{0,2}\s*)?[±]?\d+(?:[ ,]\d{3})*(?:\.\d+)?|"
    r"\d+(?:\.\d+)?\s*(?:%|％|ms|s|min|h)\s*(?:以内|以上|以下|之内|内)", re.I)
_SPEC_CLAUSE = re.compile(r"(?:在|按|使用|采用|依据)\s*(?:第)?\d+(?:\.\d+)+\s*(?:条)?(?:规定|所述|给出)|"
                          r"(?:in|per|using)\s+(?:the\s+)?[\w\s-]{0,30}?(?:specified|defined|described)\s+in\s+\d+\.\d+",
                          re.I)


@detector
def no_test_method(text: str, a: RequirementAnalysis) -> list[Detection]:
    quantity = _THRESHOLD.search(text)
    if quantity and re.match(r"\s*(?:块|台|个|张|片|路|种|项|条|名|人|家|套|份|类|级|次|slots?|cards?|units?|"
                             r"levels?|records?|items?)", text[quantity.end():]):
        return []  # a count of parts is checked by inspection, not measured
    if re.search(r"权重|系数|得分|分值|weight|coefficient|score", text[: quantity.start()] if quantity else "", re.I):
        return []  # a parameter of the document's own calculation method, not a property to measure
    if not quantity or TEST_METHOD.search(text) or REFERS_TO_SPEC.search(text) or _SPEC_CLAUSE.search(text):
        return []
    if re.search(r"(?:每|至少每|every|each)\s*\d*\s*(?:个)?(?:月|年|周|天|日|季度|小时|months?|years?|weeks?|days?)",
                 text, re.I) or re.search(r"(?:保存|保留|留存|记录|retain|keep|store)", text, re.I):
        return []  # intervals and retention periods are checked by inspection, not measured
    return [Detection(
        rule="REQ-003", matched=quantity.group(0), start=quantity.start(),
        reason_zh="给出了量化阈值，但未说明测试方法、测量条件或引用相应的试验方法",
        reason_en="a quantitative threshold is given without a test method, measurement conditions or a reference",
        suggestion=text.rstrip("。.") + ("，按…规定的方法测试。" if not _is_english(text) else
                                         ", when tested in accordance with …."),
    )]


_PROCESS_ZH = re.compile(r"(?:应|宜)(?:当)?(?:进一步)?(?:努力|致力于|重视|加强|注重|充分考虑|考虑|关注|积极|鼓励|不断|尽力|争取|倡导|推动|促进|"
                         r"强化|高度重视|认真|切实|大力|着力)")
_PROCESS_EN = re.compile(r"\b(?:shall|should)\s+(?:strive|endeavou?r|seek|aim|try|pay attention|take into account|"
                         r"consider|strengthen|promote|encourage|make efforts|make every effort|focus on)\b", re.I)


@detector
def process_wording(text: str, a: RequirementAnalysis) -> list[Detection]:
    m = (_PROCESS_EN if _is_english(text) else _PROCESS_ZH).search(text)
    if not m:
        return []
    return [Detection(
        rule="REQ-004", matched=m.group(0), start=m.start(),
        reason_zh=f"“{m.group(0)}”描述的是努力或态度，而不是可验证的特性或结果",
        reason_en=f"'{m.group(0)}' states an effort or attitude, not a verifiable property or outcome",
        suggestion="改写为结果要求：" + _template(text, a) if not _is_english(text) else
        "State the outcome: " + _template(text, a),
    )]


_REQ_FORM_ZH = re.compile(r"(?:不应|应当|应该|不得|必须|(?<![响对相供适反效回呼感答照报顺])应(?![用对急变答激收付届聘征诉援验允]))")
_REQ_FORM_EN = re.compile(r"\b(?:shall|must)\b", re.I)
_JOIN_ZH = re.compile(r"[，,、；;]\s*(?:并且?|且|同时|还|另外|以及)?\s*(?:[^，,、]{0,12}?)(?:不应|应当|应该|不得|"
                      r"(?<=[并且还也均都])应对|应(?![用对急变答激收付]))")


@detector
def several_requirements(text: str, a: RequirementAnalysis) -> list[Detection]:
    english = _is_english(text)
    # "…，其内容应符合附录A的规定" elaborates the first requirement rather than adding a second one
    clean = re.sub(r"[^，,；;]*(?:应|shall)\s*(?:符合|满足|按照|comply with|conform to)[^，,；;。.]*(?:规定|要求|\d)[^，,；;。.]*",
                   "", _strip_examples(text))
    forms = list((_REQ_FORM_EN if english else _REQ_FORM_ZH).finditer(clean))
    if not english:
        forms += list(re.finditer(r"(?<=[并且还也均都])应(?=对)", clean))
    if len(forms) < 2:
        return []
    if not english and not _JOIN_ZH.search(text):
        return []
    return [Detection(
        rule="REQ-005", matched=text, start=0,
        reason_zh=f"一句中包含{len(forms)}项要求，宜拆分为独立的条款，便于逐项验证",
        reason_en=f"{len(forms)} requirements in one sentence; split them so each can be verified",
        suggestion="拆分为多个句子，每句一项要求。" if not english else "Split into one requirement per sentence.",
    )]


# --- infeasible ---------------------------------------------------------------------------------

OPEN_SETS_ZH = ("芯片", "AI芯片", "人工智能芯片", "处理器", "加速器", "加速卡", "硬件", "框架", "深度学习框架", "模型", "大模型",
                "操作系统", "平台", "设备", "终端", "场景", "应用场景", "编程语言", "语言", "算子", "应用", "应用程序", "数据集",
                "架构", "厂商", "网络", "环境", "负载", "工作负载", "型号", "GPU", "CPU", "NPU", "传感器", "攻击",
                "输入", "数据", "用户", "国家", "标准", "协议", "格式", "编译器", "指令集", "精度", "数据类型", "模态",
                "方言", "口音", "语种")
OPEN_SETS_EN = ("chips?", "processors?", "accelerators?", "hardware", "frameworks?", "models?", "operating systems?",
                "platforms?", "devices?", "scenarios?", "programming languages?", "languages?", "operators?",
                "applications?", "datasets?", "architectures?", "vendors?", "networks?", "environments?",
                "workloads?", "GPUs?", "CPUs?", "NPUs?", "sensors?", "attacks?", "inputs?", "users?", "formats?",
                "compilers?", "instruction sets?", "data types?", "conditions", "modalities", "data modalities",
                "dialects?", "accents?")
_QUANT_ZH = r"(?:所有|任意|任何|全部|一切|各类|各种|各个|全体|一切)"
_UNIVERSAL_ZH = re.compile(_QUANT_ZH + r"(?P<mid>[^，。；、]{0,10}?)(?P<noun>" + "|".join(
    sorted(OPEN_SETS_ZH, key=len, reverse=True)) + ")")
_UNIVERSAL_EN = re.compile(r"\b(?:all|any|every)\s+(?P<mid>(?:[\w-]+\s+){0,3}?)(?P<noun>" + "|".join(OPEN_SETS_EN)
                           + r")\b", re.I)
# "表A.1所列的全部接口", "本文件规定的所有测试用例", "已安装驱动的全部设备": a closed, listed set
_CLOSED_BEFORE = re.compile(r"(?:所列|列出|规定|上述|本文件|附录|表\s*[A-Z]?\.?\d|已|声明|支持的|适配的|清单|指定|约定|选定|"
                            r"listed|specified|declared|defined|in Table|in Annex|supported|selected|above|"
                            r"the following|this document|of the)[^，。；,;]{0,12}$|的$", re.I)
_CLOSED_AFTER = re.compile(r"^\s*(?:中|内)?\s*(?:所列|列出|规定|listed|specified|declared|defined|in Table|in Annex|"
                           r"trained|used|covered|built|derived|produced|that|which|"
                           r"supported by|that (?:it|the \w+) (?:declares|supports|lists))", re.I)


@detector
def universal_quantifier(text: str, a: RequirementAnalysis) -> list[Detection]:
    english = _is_english(text)
    clean = _strip_examples(text)
    for m in (_UNIVERSAL_EN if english else _UNIVERSAL_ZH).finditer(clean):
        before = clean[: m.start()]
        after = clean[m.end():]
        if _CLOSED_BEFORE.search(before) or _CLOSED_AFTER.search(after) or _CLOSED_BEFORE.search(
                m.group("mid") or ""):
            continue
        return [Detection(
            rule="REQ-101", matched=m.group(0), start=text.find(m.group(0)),
            reason_zh=f"“{m.group(0)}”是开放集合上的全称要求，任何实现者都无法证明满足，也无法穷尽测试",
            reason_en=f"'{m.group(0)}' quantifies over an open set: no implementer can meet or test it exhaustively",
            suggestion=_closed_list(text, m.group(0), m.group("noun"), english),
        )]
    return []


_ABSOLUTE_ZH = re.compile(
    r"100\s*[%％]|百分之百|(?:为|等于|降至|达到)零|零[\u4e00-\u9fff]{0,3}?(?:损失|误差|故障|延迟|时延|丢失|丢包|缺陷|漏报|误报|宕机|中断|差异|开销|"
    r"迁移成本|修改|改动|等待|下降)|逐位(?:一致|相同)|比特级一致|无损(?!压缩)|无(?:任何)?(?:精度|性能)(?:损失|下降)|不损失|完全(?:兼容|一致|相同|消除|避免|无|透明|等价|"
    r"替代)|彻底(?:消除|杜绝)|绝对|无延迟|永不|永远|杜绝一切|不会出现任何|无需任何修改|无须任何修改|不需要任何修改|任何情况下都"
)
_ABSOLUTE_EN = re.compile(
    r"100\s*%|\bzero[- ](?:\w+\s+)?(?:loss|error|errors|downtime|latency|overhead|defects?|failures?|difference|performance loss)|"
    r"\bno\s+(?:performance|accuracy|precision)\s+(?:loss|degradation)|\bwithout\s+any\s+(?:loss|degradation|"
    r"modification|change|error)|\blossless(?!\s+compression)|\bfully\s+(?:compatible|identical|equivalent)|"
    r"\bcompletely\s+(?:eliminate|identical|compatible)|\bbit[- ](?:for[- ]bit|exact|identical)|\bnever\b|"
    r"\balways\b|\babsolute(?:ly)?\b|\bunder all circumstances\b|\bin all cases\b",
    re.I,
)
# 100% of a closed, countable set is achievable: every test case passed, every record kept
_ACHIEVABLE_100 = re.compile(r"(?:通过率|覆盖率|签署率|归档率|培训率|完成率|记录率|审核率|pass rate|coverage|"
                             r"test cases?|用例|记录|受理)[^，。；,;]{0,8}$|^\s*(?:的)?(?:测试用例|用例|记录|test cases?)",
                             re.I)


# Widening a number format is exact, and bitwise reproducibility holds on one device in deterministic mode
# (capability reference, 7.5 and 8.3); an absolute there is a fact, not an impossible target.
_FEASIBLE_ABSOLUTE = re.compile(r"(?:向|到|转换为|转为|\bto\b)\s*(?:FP32|FP64|float32|float64|double|双精度|单精度)|"
                                r"deterministic|确定性模式|同一(?:设备|芯片|硬件)|same (?:device|hardware)", re.I)


@detector
def absolute_target(text: str, a: RequirementAnalysis) -> list[Detection]:
    english = _is_english(text)
    clean = _strip_examples(text)
    if _FEASIBLE_ABSOLUTE.search(clean):
        return []
    for m in (_ABSOLUTE_EN if english else _ABSOLUTE_ZH).finditer(clean):
        word = m.group(0)
        if "100" in word and (_ACHIEVABLE_100.search(clean[: m.start()]) or _ACHIEVABLE_100.search(clean[m.end():])):
            continue
        if word.lower() in ("always", "never") and not re.search(r"\b(?:shall|must)\b", clean, re.I):
            continue
        return [Detection(
            rule="REQ-102", matched=word, start=text.find(word),
            reason_zh=f"“{word}”是绝对目标，实际系统无法达到，也无法通过有限次测试证明",
            reason_en=f"'{word}' is an absolute target that no real system reaches or a finite test can prove",
            suggestion=_bounded(text, word, english),
        )]
    return []


PROPRIETARY = ("CUDA", "PTX", "cuDNN", "cuBLAS", "NVLink", "NVSwitch", "NCCL", "TensorRT", "Tensor Core",
               "Ascend C", "AscendCL", "CANN", "BANG", "Neuware", "CNNL", "MLU", "ROCm", "oneAPI", "oneDNN",
               "AVX-512", "AVX512", "AMX", "Metal", "DirectML", "NVIDIA", "英伟达", "昇腾", "寒武纪", "Habana",
               "Gaudi", "SynapseAI", "warp", "线程束")
_PROPRIETARY_RE = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted(map(re.escape, PROPRIETARY), key=len,
                                                                        reverse=True)) + r")(?![A-Za-z])")
_ALTERNATIVES = re.compile(r"或|或者|以及其他|等(?:同|效)|\bor\b|equivalent|至少一种|at least one of", re.I)


# CUDA code as the thing converted, mapped or ported is the input of a migration aid, not a mandate
_SOURCE_OF_MIGRATION = re.compile(r"(?:将|把|对|从|由)\s*(?:" + "|".join(map(re.escape, PROPRIETARY)) + r")[^，。；]{0,8}?"
                                  r"(?:源代码|代码|程序|概念|应用|内核)|(?:" + "|".join(map(re.escape, PROPRIETARY))
                                  + r")\s*(?:源代码|代码|程序|应用|内核|概念)[^，。；]{0,20}?(?:转换|迁移|映射|移植)|"
                                  r"(?:porting|port|convert(?:ing)?|migrat(?:e|ing)|map(?:ping)?)\s+(?:existing\s+)?"
                                  r"(?:" + "|".join(map(re.escape, PROPRIETARY)) + r")", re.I)


@detector
def proprietary_mandate(text: str, a: RequirementAnalysis) -> list[Detection]:
    if a.type not in (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION):
        return []
    clean = _strip_examples(text)
    m = _PROPRIETARY_RE.search(clean)
    if not m or _ALTERNATIVES.search(clean) or _SOURCE_OF_MIGRATION.search(clean):
        return []
    if re.search(r"不应|不得|shall not|must not", clean) and not re.search(r"依赖|rely|depend", clean):
        return []
    word = m.group(0)
    english = _is_english(text)
    return [Detection(
        rule="REQ-104", matched=word, start=text.find(word),
        reason_zh=f"要求采用“{word}”这一特定厂商的专有技术，其他厂商无法实现，国家标准应技术中立",
        reason_en=f"mandates '{word}', one vendor's proprietary technology that others cannot implement",
        suggestion="改为开放的、厂商中立的接口或规范（如由标准规定的接口），必要时以示例方式列出厂商技术。" if not english
        else "Require an open, vendor-neutral interface or specification; name vendor technologies only as examples.",
    )]


_UNPUBLISHED = re.compile(r"(?:正在制定|制定中|尚在制定|待发布|即将发布|尚未发布|未发布|待定|报批中|征求意见稿|送审稿|"
                          r"under development|to be published|not yet published|forthcoming|in preparation|"
                          r"\bDIS\b|\bFDIS\b|\bCD\b|\bWD\b|draft)", re.I)
_CONFORM = re.compile(r"符合|遵循|遵守|满足|按照|按|依据|采用|一致|兼容|comply|conform|in accordance with|meet|follow|"
                      r"against|validated|based on",
                      re.I)


@detector
def unpublished_reference(text: str, a: RequirementAnalysis) -> list[Detection]:
    if a.type not in (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION):
        return []
    m = (PLACEHOLDER_DESIGNATION.search(text) or re.search(r"(?:GB|ISO|IEC|T/)[/A-Z ]*[Xx]{3,}", text)
         or re.search(r"(?:计划号|项目编号)?\s*\d{8}-[TZQ]-\d{3}", text) or re.search(r"[—-]\s*20\d?X", text))
    if m is None:
        m2 = _UNPUBLISHED.search(text)
        if m2 is None or not _CONFORM.search(text) or not re.search(r"标准|规范|文件|指南|导则|办法|standard|"
                                                                     r"specification|document|guide|GB|ISO|IEC",
                                                                     text, re.I):
            return []
        m = m2
    english = _is_english(text)
    return [Detection(
        rule="REQ-105", matched=m.group(0), start=m.start(),
        reason_zh=f"要求符合未发布或编号未定的文件“{m.group(0)}”，实施者无法获得其内容，符合性无法判定",
        reason_en=f"requires conformance to an unpublished or undated document ('{m.group(0)}'); "
                  "its content is not available to implementers",
        suggestion="引用已发布的文件（注日期），或把所需内容直接写入本文件。" if not english else
        "Cite a published, dated document, or state the needed content in this document.",
    )]


@detector
def beyond_state_of_the_art(text: str, a: RequirementAnalysis) -> list[Detection]:
    found = beyond_state_of_art(text, a)
    if found is None:
        return []
    limit, value = found
    english = _is_english(text)
    best = "不高于" if limit.direction == "lower_is_better" else "不低于"
    return [Detection(
        rule="REQ-103", matched=str(value).rstrip("0").rstrip("."), start=0,
        reason_zh=f"阈值超出语料记载的技术现状（{limit.note}；证据：{limit.evidence.citation}）",
        reason_en=f"the threshold is beyond the state of the art documented in the corpus ({limit.note}; "
                  f"evidence: {limit.evidence.citation})",
        suggestion=(f"按证据调整阈值（参考{limit.evidence.citation}），例如在规定的基准和测试条件下{best}现有最好水平"
                    "附近的可达值，并给出测试方法。") if not english else
        f"Set an achievable threshold based on {limit.evidence.citation}, with the benchmark and test method.",
    )]


def detect(sentence: str) -> list[Detection]:
    """Every REQ sign in one provision; statements (no verbal form) have none."""
    return list(_detect_cached(sentence))


@lru_cache(maxsize=50_000)
def _detect_cached(sentence: str) -> tuple[Detection, ...]:
    # a pure function of the sentence: re-checking a draft after an edit analyses only the changed sentences
    analysis = analyse(sentence)
    if analysis.type not in (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION):
        return ()
    found: list[Detection] = []
    for func in _DETECTORS:
        found += func(sentence, analysis)
    return tuple(found)


_BOUNDED_ZH = (
    (re.compile(r"(?:为|达到|等于)?\s*100\s*[%％]|百分之百"), "不低于……%"),
    (re.compile(r"(?:为|等于|降至|达到)零"), "不大于……"),
    (re.compile(r"零([\u4e00-\u9fff]{0,3}?(?:损失|误差|故障|延迟|时延|丢失|丢包|缺陷|漏报|误报|宕机|中断|差异|开销|等待|下降))"),
     r"\1不大于……"),
    (re.compile(r"无损(?!压缩)|无(?:任何)?(?:精度|性能)(?:损失|下降)|不损失"), "损失不大于……（相对基准）"),
    (re.compile(r"完全(?:兼容|一致|相同|等价|替代)"), "在表……所列范围内兼容（给出允许偏差）"),
)


def _bounded(text: str, word: str, english: bool) -> str:
    """The sentence with its absolute target replaced by a bound for the working group to fill in."""
    if english:
        return (text.replace(word, "within a stated bound (e.g. not more than … %)") +
                " Give the bound, the baseline and the test method.")
    for pattern, replacement in _BOUNDED_ZH:
        if pattern.search(text):
            return pattern.sub(replacement, text, count=1).rstrip("。") + "，按……规定的方法测试。"
    return text.replace(word, "……（有界值）")


def _closed_list(text: str, phrase: str, noun: str, english: bool) -> str:
    if english:
        return text.replace(phrase, f"the {noun} listed in Table A.… (a closed list in an annex)")
    return text.replace(phrase, f"表A.…所列的{noun}") + "（在附录中给出清单）"


def _template(text: str, a: RequirementAnalysis) -> str:
    """The no-LLM rewording: the GB sentence shape of a verifiable requirement."""
    if _is_english(text):
        subject = a.subject or "The …"
        return f"{subject} shall … not less than … [unit] under … conditions, when tested in accordance with …."
    subject = a.subject or "……"
    prop = a.property or "……"
    return f"在……条件下，{subject}的{prop}应不低于（或不大于）……［单位］，按……规定的方法测试。"
