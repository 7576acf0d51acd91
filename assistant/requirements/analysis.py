"""Requirement analysis: subject, verbal form, property, value and unit, condition, test method.

A requirement is an objectively verifiable criterion (GB/T 1.1-2020 §10). To judge that, a reviewer
reads each provision as: under CONDITION, SUBJECT shall have PROPERTY COMPARATOR VALUE UNIT, tested
by METHOD. This module reads sentences the same way, with patterns rather than a parser, because
standards use a small, regular set of sentence shapes.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.document.provisions import ProvisionType, verbal_form

UNITS = (
    r"%|％|‰|ms|μs|us|ns|s|min|h|d|Hz|kHz|MHz|GHz|B|KB|kB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|bit|kbit|Mbit|Gbit|"
    r"bit/s|kbit/s|Mbit/s|Gbit/s|Gbps|Mbps|GB/s|MB/s|TB/s|W|kW|MW|mW|Wh|kWh|V|mV|A|mA|℃|°C|K|dB|dBm|lx|m|cm|mm|"
    r"μm|nm|km|kg|g|fps|FPS|FLOPS|TFLOPS|PFLOPS|TOPS|TOPS/W|tokens/s|token/s|QPS|TPS|IOPS|次|个|条|项|帧|"
    r"小时|分钟|秒|毫秒|微秒|天|日|周|月|年|倍|台|张|卡|节点|人|次/秒|个/秒|元"
)
COMPARATORS_ZH = r"不低于|不高于|不少于|不多于|不大于|不小于|不超过|不超出|低于|高于|大于|小于|超过|达到|至少|至多|以内|以上|以下|内|为|≥|≤|>|<|＞|＜|≧|≦"
COMPARATORS_EN = (r"at least|at most|not less than|not more than|no less than|no more than|no greater than|"
                  r"not exceed|not exceeding|exceed|within|less than|greater than|more than|below|above|up to|"
                  r"equal to|≥|≤|>|<")

_NUMBER = r"\d+(?:[ ,]\d{3})*(?:\.\d+)?"
VALUE = re.compile(rf"(?P<value>{_NUMBER})\s*(?P<unit>{UNITS})?(?![A-Za-z])")
QUANTITY = re.compile(rf"{_NUMBER}\s*(?:{UNITS})(?![A-Za-z])|{_NUMBER}\s*(?:%|％)|1\s*[:：]\s*\d+")
COMPARED_VALUE = re.compile(
    rf"(?:{COMPARATORS_ZH}|{COMPARATORS_EN})\s*(?:{_NUMBER})|(?:{_NUMBER})\s*(?:{UNITS})?\s*(?:以内|以上|以下|之内|内)",
    re.I,
)
# the sentence points to where values, conditions or methods are laid down
REFERS_TO_SPEC = re.compile(
    r"(?:见|按|按照|依据|根据|符合|满足|采用|使用)\s*(?:本文件)?(?:表\s*[A-Z]?\.?\d+|附录\s*[A-Z]|图\s*[A-Z]?\.?\d+|"
    r"第?\s*\d+(?:\.\d+)+\s*(?:条)?|[A-Z]\.\d+(?:\.\d+)*)|"
    r"(?:specified|given|listed|defined|set out)\s+in\s+(?:Table|Annex|Clause|\d+\.\d+)|"
    r"(?:in accordance with|according to|as per|per)\s+(?:Table|Annex|Clause|\d+\.\d+|ISO|IEC|GB)",
    re.I,
)
TEST_METHOD = re.compile(
    r"按(?:照)?[^，。；]{0,40}?(?:方法|规定|程序|要求)?(?:进行)?(?:测试|试验|检验|测量|检测|验证|评估|评测|计算)|"
    r"(?:测试|试验|检验|测量|检测)方法(?:见|按)|(?:见|按)\s*(?:第?\s*\d+(?:\.\d+)+|[A-Z]\.\d+|附录\s*[A-Z])|"
    r"在[^，。；]{1,60}?(?:条件|环境|配置|负载|场景|基准)下|使用[^，。；]{1,30}?(?:基准|测试集|数据集|工具)|"
    r"(?:tested|measured|verified|determined|assessed|evaluated)\s+(?:in accordance with|according to|as specified|"
    r"using|with|by|under|on)|(?:test|measurement)\s+method|under\s+(?:the\s+)?[^,.;]{1,60}?conditions|"
    r"(?:in accordance with|as specified in|according to)\s+(?:\d+\.\d+|Annex|Clause|Table|ISO|IEC|GB)|"
    r"\bon\s+(?:the\s+)?[^,.;]{1,40}?(?:benchmark|set|dataset|data set|corpus)\b|benchmark|基准测试|"
    r"在[^，。；]{1,30}?(?:集|基准|语料|数据集|测试集|验证集)上",
    re.I,
)
CONDITION = re.compile(
    r"^(?:在|当)(?P<zh>[^，。；]{1,60}?)(?:条件|情况|环境|时|下)[下时]?[，,]?|"
    r"(?P<zh2>在[^，。；]{1,60}?(?:条件|情况|环境|配置|负载)下)|"
    r"\b(?P<en>(?:under|when|where|if|during)\s+[^,.;]{1,80}?)(?:,|\s+shall)",
    re.I,
)


class RequirementAnalysis(BaseModel):
    text: str
    verbal_form: str
    type: ProvisionType
    subject: str = ""
    property: str = ""
    comparator: str = ""
    value: str = ""
    unit: str = ""
    condition: str = ""
    test_method: str = ""


def analyse(sentence: str) -> RequirementAnalysis:
    form, kind = verbal_form(sentence)
    analysis = RequirementAnalysis(text=sentence, verbal_form=form, type=kind)
    if not form:
        return analysis
    position = _form_position(sentence, form)
    head = sentence[:position]
    cond = CONDITION.search(sentence)
    if cond:
        analysis.condition = next(g for g in cond.groups() if g).strip()
        head = head.replace(cond.group(0), "") if cond.start() < position else head
    analysis.subject = head.strip(" ，,：:")
    tail = sentence[position + len(form):]
    m = re.search(rf"(?P<cmp>{COMPARATORS_ZH}|{COMPARATORS_EN})\s*(?P<value>{_NUMBER})\s*(?P<unit>{UNITS})?",
                  tail, re.I)
    if m:
        analysis.comparator = m.group("cmp")
        analysis.value = m.group("value")
        analysis.unit = m.group("unit") or ""
        before = re.split(r"[，,；;]", tail[: m.start()])[-1]
        before = re.sub(r"^(?:具有|具备|达到|满足|保证|使|使得|have|has|achieve|provide)\s*", "", before.strip(), flags=re.I)
        analysis.property = before.strip(" 的") or _property_from_subject(analysis.subject)
    else:
        q = VALUE.search(tail)
        if q and q.group("unit"):
            analysis.value, analysis.unit = q.group("value"), q.group("unit")
    method = TEST_METHOD.search(sentence)
    if method:
        analysis.test_method = method.group(0)
    return analysis


def _form_position(sentence: str, form: str) -> int:
    if form.isascii():
        m = re.search(rf"\b{re.escape(form)}\b", sentence, re.I)
        return m.start() if m else 0
    return max(sentence.find(form), 0)


def _property_from_subject(subject: str) -> str:
    # "推理延迟应不大于10 ms": the property is the last noun phrase of the subject
    parts = re.split(r"[的之]", subject)
    return parts[-1].strip() if parts else subject
