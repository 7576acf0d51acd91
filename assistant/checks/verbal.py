"""Verbal forms (GB/T 1.1-2020 Annex C; ISO/IEC Directives Part 2, clause 7) and provisions out of place.

The vocabulary of forms is the one the provisions extractor uses (``assistant.document.provisions``); the
rules here scan the same text segment by segment so that each finding carries its character span. Chinese
has no word boundaries, so every form is matched with the words that merely contain it excluded: 应用,
响应 and 对应 are not 应; 可靠, 可信, 可编程 are not 可; 要求, 需要, 主要, 重要 are not 要. Quoted text and
titles in 《》 are masked first: a quoted law's 必须 is not the standard's own provision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.text import has_cjk, mask_quotes, sentence_spans
from assistant.document.model import ClauseKind, Structure
from assistant.document.provisions import EN_FORMS, ZH_FORMS, ProvisionType

# Two readings the shared table leaves out: "不应用于" is 不应 + 用于 far more often than 不 + 应用, and 应 after
# 报告/月报/日报 or 提供 ("运营月报应…", "数据的提供应…") is the modal, not 报应 or 供应.
_ZH_EXTRA = [(r"不应(?=用于)", ProvisionType.REQUIREMENT),
             (r"(?:(?<=[告月日周年季简快通申汇情]报)|(?<=[据息务]提供))应(?![用对急变答激收付届聘征诉援验允商链])",
              ProvisionType.REQUIREMENT)]
_ZH = [(re.compile(p), t) for p, t in [*ZH_FORMS, *_ZH_EXTRA]]
_EN = [(re.compile(p, re.I), t) for p, t in EN_FORMS]

# 不可 as an adjective or a statement of impossibility: 不可靠, 不可或缺, 不可篡改的日志, "…在数学上不可实现。"
_BUKE_ADJECTIVE = set("靠信用视行控逆缺替知见抗或避比达否忽撤抵读写能")
_BUKE_TAIL = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}(?:[。；，、！？）)]|$)|[\u4e00-\u9fff]{1,2}的|[\u4e00-\u9fff]{1,4}[或和、]不可)")
_BUKE_BEFORE = set("为是的成属")
_BUKE_WORDS = re.compile(r"^(?:实现|移植|复现|预测|预见|恢复|篡改的|分割|再生|逆转|估量|想象|思议|避免|替代|抗力|撤销|抵赖)")
# bare 可 grants permission when a verb or preposition follows; before anything else it is part of a word
# (可编程, 可执行, 可扩展 …), which the extractor's exclusions cannot list exhaustively
_KE_PERMISSION = re.compile(
    r"^可(?:采用|使用|选择|选用|按|根据|依据|参照|参考|省略|自行|另行|不|增加|调整|免|视|适当|酌情|只|仅|同时|直接|"
    r"结合|通过|设置|设定|提供|申请|委托|聘请|保留|删除|合并|拆分|更改|替换|补充|记录|说明|以)")


_TUIJIAN_VERB = re.compile(r"^(?:采用|使用|选用|选择|按|在|对|将|以|由|参照|参考|根据|依据|进行|开展|设置|配置|定期|每|"
                           r"至少|不|优先|用|增加|提供|保留|记录|建立|实施)")


@dataclass(frozen=True)
class Form:
    start: int
    end: int
    form: str
    type: ProvisionType


def find_forms(text: str) -> list[Form]:
    """Every verbal form in a text, leftmost-longest, quotations masked."""
    masked = mask_quotes(text)
    patterns = _ZH if has_cjk(masked) else _EN
    found: list[Form] = []
    for pattern, kind in patterns:
        for m in pattern.finditer(masked):
            found.append(Form(m.start(), m.end(), m.group(0), kind))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Form] = []
    last = -1
    for f in found:
        if f.start >= last and _keep(masked, f):
            out.append(f)
            last = f.end
    return out


# 不可 prohibits when an action follows ("测试机构不可向…提供", "参与方不可采用明文传输"); before anything else it
# usually states an impossibility or a property ("不可直接比较", "不可并行部分", "不可忽略"), which is no provision
_BUKE_ACTION = re.compile(
    r"^(?:直接|随意|擅自|私自|再|同时|单独)?(?:向|在|将|把|对|以|从|与|用|为|采用|使用|修改|删除|提供|存储|保存|留存|泄露|"
    r"披露|公开|传输|上传|下载|收集|采集|处理|共享|转让|出售|超过|低于|高于|少于|多于|自行|重复|绕过|关闭|停用|变更|更改|"
    r"替换|省略|跳过|代替|作为|包含|含有|记录|输出|生成|展示|显示|访问|调用|执行|运行|部署|训练|接入|连接|接收|发送|转发|"
    r"销毁|覆盖|篡改|混用|复用|打开|开启|启用|授予|获取|读取|写入|导出|导入|安装|卸载|设置|降低|减少|缩短|延长|拒绝|中断|"
    r"暂停|终止|忽视|忽略|遗漏)")


def modal_buke(text: str, start: int) -> bool:
    """不可 at ``start`` used as a prohibition ("系统不可存储明文口令"), not as an adjective or impossibility."""
    after = text[start + 2:]
    if not after or after[0] in _BUKE_ADJECTIVE or _BUKE_TAIL.match(after) or _BUKE_WORDS.match(after):
        return False
    if start > 0 and text[start - 1] in _BUKE_BEFORE:
        return False
    return bool(_BUKE_ACTION.match(after))


def _keep(text: str, f: Form) -> bool:
    if f.form == "不可":
        return modal_buke(text, f.start)
    if f.form == "可":
        return bool(_KE_PERMISSION.match(text[f.start:]))
    if f.form in ("推荐", "建议"):
        # "推荐系统", "建议书" are nouns; the recommendation is "推荐采用…", "建议在…"
        return bool(_TUIJIAN_VERB.match(text[f.end:]))
    if f.form.lower() == "may":
        # "May 2024" is a month
        return not (text[f.start] == "M" and re.match(r"^May\s+\d", text[f.start:]))
    return True


_PROVISION_TYPES = (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION, ProvisionType.PERMISSION)
_BODY_KINDS = ("paragraph", "list_item", "table_cell")
# ISO's old foreword boilerplate: "ISO shall not be held responsible for identifying any or all such patent rights."
_BOILERPLATE = re.compile(r"shall not be held responsible|不承担识别专利的责任", re.I)
# "must" and 必须 are right for constraints a law imposes ("法律规定必须…"): ISO/IEC Directives Part 2, 7.2
_EXTERNAL = re.compile(r"法律|法规|规章|法定|监管|\blaw\b|\blaws\b|legal|legislation|regulat|statut", re.I)


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    for start, end in sentence_spans(text):
        if start <= pos < end:
            return start, end
    return 0, len(text)


def normative_body(ctx: CheckContext, seg: Segment) -> bool:
    """Text where provisions belong: body text of the normative chapters and normative annexes."""
    if seg.informative or seg.kind not in _BODY_KINDS:
        return False
    if seg.top.kind not in (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.ANNEX):
        return False
    return seg.top is not ctx.scope and seg.top is not ctx.refs_chapter


def _wrong_form_hits(seg: Segment, pattern: re.Pattern[str], right: str, why_zh: str, why_en: str,
                     replace: dict[str, str] | None = None) -> Iterator[Hit]:
    masked = mask_quotes(seg.text)
    for m in pattern.finditer(masked):
        start, end = _sentence_at(seg.text, m.start())
        sentence = seg.text[start:end]
        if _EXTERNAL.search(masked[start:m.start()]):
            continue
        used = m.group("form") if "form" in pattern.groupindex else m.group(0)
        fix = (replace or {}).get(" ".join(used.lower().split()), right)
        offset = m.start("form") if "form" in pattern.groupindex else m.start()
        corrected = sentence[:offset - start] + fix + sentence[offset - start + len(used):]
        yield Hit(clause=seg.label, message_zh=f"{why_zh}：用了“{used}”，应使用“{fix}”",
                  message_en=f"{why_en}: '{used}' is used; write '{fix}'", text=sentence,
                  span=seg.span(offset, offset + len(used)), suggestion=corrected, location=seg.location)


def _body_segments(ctx: CheckContext) -> Iterator[Segment]:
    for seg in ctx.segments:
        if normative_body(ctx, seg):
            yield seg


_BIXU = re.compile(r"(?P<form>必须)(?!性)")


@rule("VF-001", severity=Severity.WARNING, title_zh="用“必须”表示要求", title_en="必须 used for a requirement",
      source="GB/T 1.1—2020 附录C 表C.1", rationale="GB/T 1.1 expresses requirements with 应/不应; 必须 is not "
      "among the forms.", languages=("zh",))
def bixu(ctx: CheckContext) -> Iterator[Hit]:
    for seg in _body_segments(ctx):
        yield from _wrong_form_hits(seg, _BIXU, "应", "要求的助动词不规范", "non-standard requirement form",
                                    replace={"必须": "应"})


# 要 as a modal verb ("系统要具备…"); never the 要 of 要求, 需要, 主要, 重要, 必要, 要素, 要点, 摘要 …
_YAO = re.compile(r"(?<![需主重必首只纲概摘紧次想将简扼纪险显机政提枢要])(?P<form>不要|要)"
                  r"(?=[\u4e00-\u9fff])(?![求素点件领么是旨塞冲害义闻职员地目约务紧诀略览])")


@rule("VF-002", severity=Severity.WARNING, title_zh="用“要”表示要求", title_en="要 used for a requirement",
      source="GB/T 1.1—2020 附录C 表C.1", rationale="A requirement is written with 应 (prohibition 不应), not 要.",
      languages=("zh",))
def yao(ctx: CheckContext) -> Iterator[Hit]:
    for seg in _body_segments(ctx):
        yield from _wrong_form_hits(seg, _YAO, "应", "要求的助动词不规范", "non-standard requirement form",
                                    replace={"要": "应", "不要": "不应"})


_BUKE = re.compile(r"(?P<form>不可)(?!能|以)")


@rule("VF-003", severity=Severity.WARNING, title_zh="用“不可”表示禁止", title_en="不可 used for a prohibition",
      source="GB/T 1.1—2020 附录C 表C.1", rationale="A prohibition is written with 不应 (or 不得), not 不可.",
      languages=("zh",))
def buke(ctx: CheckContext) -> Iterator[Hit]:
    for seg in _body_segments(ctx):
        masked = mask_quotes(seg.text)
        for hit in _wrong_form_hits(seg, _BUKE, "不应", "禁止的助动词不规范", "non-standard prohibition form"):
            if hit.span is not None and modal_buke(masked, hit.span[0] - seg.offset):
                yield hit


# a party of the document ("…者", "…方", "…人员", "…机构") that 能 do something at its own discretion
_ACTOR_END = "者|方|人员|机构|组织|单位|用户|员|商|企业|部门|团队|实验室"
_NENG = re.compile(rf"(?<![应须需])(?:{_ACTOR_END})(?:也|亦|还|均|都)?(?P<form>能)(?!够|力|源|耗|量|效)"
                   r"(?=自行|自主|选择|选用|决定|采用|使用|根据|按|依据|参照|另行|免|省略|调整|申请|要求|委托|拒绝|保留|"
                   r"暂停|终止|撤回|放弃|不|仅|只|增加|减少|跳过|延长|缩短|替换|合并|酌情|视情况|改用|变更)")
# a 能 inside a requirement ("组织应确保用户能选择…") states a capability the requirement asks for
_REQUIRED_BEFORE = re.compile(r"应|宜|确保|保证|使(?!用)|让|允许")


@rule("VF-004", severity=Severity.WARNING, title_zh="用“能”表示允许", title_en="能 used for a permission",
      source="GB/T 1.1—2020 附录C 表C.3, 表C.4", rationale="能 states a capability or possibility; a permission "
      "granted by the document is written with 可.", languages=("zh",))
def neng(ctx: CheckContext) -> Iterator[Hit]:
    for seg in _body_segments(ctx):
        masked = mask_quotes(seg.text)
        for hit in _wrong_form_hits(seg, _NENG, "可", "允许的助动词不规范", "non-standard permission form"):
            at = hit.span[0] - seg.offset if hit.span else 0
            start, _ = _sentence_at(seg.text, at)
            if not _REQUIRED_BEFORE.search(masked[start:at]):
                yield hit


_MUST = re.compile(r"\b(?P<form>must(?:\s+not)?)\b", re.I)


@rule("VF-005", severity=Severity.WARNING, title_zh="英文文件用“must”表示要求", title_en="'must' used for a requirement",
      source="ISO/IEC Directives Part 2 7.2, Table 3", rationale="ISO requirements use 'shall'; 'must' is kept for "
      "constraints imposed from outside the document (laws, nature).", languages=("en",))
def must(ctx: CheckContext) -> Iterator[Hit]:
    for seg in _body_segments(ctx):
        if not has_cjk(seg.text):
            yield from _wrong_form_hits(seg, _MUST, "shall", "要求的助动词不规范",
                                        "non-standard requirement form", replace={"must not": "shall not"})


# --- provisions where there must be none ---------------------------------------------------------------

_TYPE_ZH = {ProvisionType.REQUIREMENT: "要求", ProvisionType.RECOMMENDATION: "推荐", ProvisionType.PERMISSION: "允许"}
_TYPE_EN = {ProvisionType.REQUIREMENT: "requirement", ProvisionType.RECOMMENDATION: "recommendation",
            ProvisionType.PERMISSION: "permission"}


def _provisions(seg: Segment, types: tuple[ProvisionType, ...]) -> Iterator[tuple[Form, tuple[int, int]]]:
    """The first provision form of each sentence of a segment (one finding per sentence)."""
    masked = mask_quotes(seg.text)
    by_sentence: dict[tuple[int, int], list[Form]] = {}
    for form in find_forms(seg.text):
        if form.type in types:
            by_sentence.setdefault(_sentence_at(seg.text, form.start), []).append(form)
    for sentence, forms in by_sentence.items():
        if _BOILERPLATE.search(masked[sentence[0]:sentence[1]]):
            continue
        # name the strongest form of the sentence: a requirement before a recommendation before a permission
        yield min(forms, key=lambda f: (_PROVISION_TYPES.index(f.type), f.start)), sentence


def _misplaced(seg: Segment, types: tuple[ProvisionType, ...], where_zh: str, where_en: str,
               fix_zh: str, fix_en: str) -> Iterator[Hit]:
    for form, (start, end) in _provisions(seg, types):
        yield Hit(clause=seg.label,
                  message_zh=f"{where_zh}中不应有{_TYPE_ZH[form.type]}（“{form.form}”）",
                  message_en=f"a {_TYPE_EN[form.type]} ('{form.form}') inside {where_en}",
                  text=seg.text[start:end], span=seg.span(form.start, form.end), location=seg.location,
                  suggestion=f"{fix_zh} / {fix_en}")


_NOTE_STRUCTURES = (Structure.STANDARD, Structure.EU_ACT, Structure.NIST_RMF)


@rule("VF-006", severity=Severity.ERROR, title_zh="注中有要求、推荐或允许", title_en="Provision inside a note",
      source="GB/T 1.1—2020 9.5.2 (注), 附录C; ISO/IEC Directives Part 2 24.5",
      rationale="Notes give information only; a provision in a note is not normative and will be missed.",
      applies_to=_NOTE_STRUCTURES)
def provision_in_note(ctx: CheckContext) -> Iterator[Hit]:
    for seg in ctx.segments:
        if seg.in_note:
            yield from _misplaced(seg, _PROVISION_TYPES, "注", "a note",
                                  "将该条款移入正文，或改写为陈述（如用“能”“可能”）",
                                  "move the provision into the body text or rewrite it as a statement ('can')")


@rule("VF-007", severity=Severity.ERROR, title_zh="示例中有要求、推荐或允许", title_en="Provision inside an example",
      source="GB/T 1.1—2020 9.5.3 (示例), 附录C; ISO/IEC Directives Part 2 24.6",
      rationale="Examples illustrate; a provision in an example is not normative and will be missed.",
      applies_to=_NOTE_STRUCTURES)
def provision_in_example(ctx: CheckContext) -> Iterator[Hit]:
    for seg in ctx.segments:
        if seg.in_example:
            yield from _misplaced(seg, _PROVISION_TYPES, "示例", "an example",
                                  "将该条款移入正文，或将示例改写为陈述",
                                  "move the provision into the body text or rewrite the example as a statement")


def _requirements_in(ctx: CheckContext, tops: list[object]) -> Iterator[Segment]:
    for seg in ctx.segments:
        if any(seg.top is t for t in tops) and seg.kind in _BODY_KINDS:
            yield seg


_REQ = (ProvisionType.REQUIREMENT,)


@rule("VF-008", severity=Severity.ERROR, title_zh="范围中有要求", title_en="Requirement in the scope",
      source="GB/T 1.1—2020 8.3; ISO/IEC Directives Part 2 14.1",
      rationale="The scope states what the document covers; it contains no requirements.")
def requirement_in_scope(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.scope is None:
        return
    for seg in _requirements_in(ctx, [ctx.scope]):
        yield from _misplaced(seg, _REQ, "范围", "the scope", "将要求移入相应的技术章，范围只写“本文件规定了……”“本文件适用于……”",
                              "move the requirement to a technical clause; the scope says 'This document specifies …'")


@rule("VF-009", severity=Severity.ERROR, title_zh="前言中有要求", title_en="Requirement in the foreword",
      source="GB/T 1.1—2020 8.2; ISO/IEC Directives Part 2 12.1",
      rationale="The foreword is informative; it contains no requirements.")
def requirement_in_foreword(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.foreword is None:
        return
    for seg in _requirements_in(ctx, [ctx.foreword]):
        yield from _misplaced(seg, _REQ, "前言", "the foreword", "删除该要求或将其移入正文",
                              "remove the requirement or move it into the body")


@rule("VF-010", severity=Severity.ERROR, title_zh="引言中有要求", title_en="Requirement in the introduction",
      source="GB/T 1.1—2020 8.2 (引言); ISO/IEC Directives Part 2 13.1",
      rationale="The introduction explains the document; it contains no requirements.")
def requirement_in_introduction(ctx: CheckContext) -> Iterator[Hit]:
    intros = [c for c in ctx.document.clauses if c.kind == ClauseKind.INTRODUCTION]
    if not intros:
        return
    for seg in _requirements_in(ctx, list(intros)):
        yield from _misplaced(seg, _REQ, "引言", "the introduction", "将要求移入正文，引言只作说明",
                              "move the requirement into the body; the introduction only explains")


@rule("VF-011", severity=Severity.ERROR, title_zh="资料性附录中有要求", title_en="Requirement in an informative annex",
      source="GB/T 1.1—2020 8.6.2; ISO/IEC Directives Part 2 20.1",
      rationale="An informative annex gives information only; a requirement needs a normative annex.")
def requirement_in_informative_annex(ctx: CheckContext) -> Iterator[Hit]:
    annexes = [a for a in ctx.annexes if a.normative is False]
    if not annexes:
        return
    for seg in _requirements_in(ctx, list(annexes)):
        yield from _misplaced(seg, _REQ, "资料性附录", "an informative annex",
                              "将附录改为规范性附录，或将要求改写为陈述",
                              "make the annex normative or rewrite the requirement as information")
