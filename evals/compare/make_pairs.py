"""Generate monolingual comparison pairs with scripted, recorded edits (issue 8, Evaluation).

Run from the repository root:  .venv/bin/python evals/compare/make_pairs.py

For each pair the LEFT file is an unchanged sample, the RIGHT file is the same sample after
3-8 scripted edits on the Document tree (renumber by insertion, move, split, merge, insert,
delete, editorial and technical text edits). Every edit records, at the moment it is made,
which LEFT units each RIGHT unit derives from and with what status; NN-truth.json is written
from that record, never inferred afterwards. The script is deterministic (fixed seed) and
checks its own output by parsing both files again.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from assistant.document.loader import load_document  # noqa: E402
from assistant.document.markdown import to_markdown  # noqa: E402
from assistant.document.model import (  # noqa: E402
    Clause,
    ClauseKind,
    Document,
    Example,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    TermEntry,
)

jieba.setLogLevel(60)

SEED = 20261123
OUT = Path(__file__).resolve().parent / "pairs"
SOURCES = [
    "sample-ai-terminology.md",
    "sample-ai-risk-capability.md",
    "sample-hetero-chip-programming-model-draft.md",
    "sample-ai-data-quality-mod.md",
    "sample-hetero-computing-capability-reference.md",
]
PAIRS_PER_SOURCE = 7  # 35 pairs

ALIGNED = (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ANNEX)
LABELS = {ClauseKind.FOREWORD: "前言", ClauseKind.INTRODUCTION: "引言"}
CJK = r"[\u4e00-\u9fff]"

# --- banks of new text -------------------------------------------------------------------

NEW_CLAUSES = [
    ("记录保存", "实施者应保存本条所述活动的记录，记录保存期限不少于3年。"),
    ("变更管理", "发生影响本文件要求的变更时，应在变更实施前评估其影响，并经授权人员批准。"),
    ("人员能力", "承担相关工作的人员应具备相应的专业能力，并每年接受不少于16学时的培训。"),
    ("信息通报", "发现重大问题时，应在24 h内通报相关方。"),
    ("外部供方", "使用外部供方提供的产品或服务时，应对供方进行评价，并保留评价记录。"),
    ("日志要求", "系统应记录关键操作日志，日志至少保存6个月。"),
    ("安全防护", "应采取访问控制措施，防止未经授权的访问和修改。"),
    ("评审", "应至少每12个月对本条相关安排的适宜性和有效性进行一次评审。"),
]
NEW_TERMS = [
    ("模型漂移", "model drift", "模型在运行期间因输入数据分布或环境变化而导致性能逐渐下降的现象"),
    ("数据血缘", "data lineage", "描述数据从来源经各处理环节到使用的流转路径及其变换关系的信息"),
    (
        "算力调度",
        "computing power scheduling",
        "按照任务需求和资源状态，将计算任务分配到计算资源上执行的过程",
    ),
    ("人在回路", "human in the loop", "在系统决策过程中由人对关键结果进行确认或干预的运行方式"),
    ("基准测试", "benchmarking", "采用规定的负载和方法对被测对象的性能进行测量并与参照进行比较的活动"),
]
NEW_REQUIREMENTS = [
    "相关记录应至少保存3年。",
    "上述活动的结果应形成文件，并经授权人员批准。",
    "发生重大变更后，应重新进行验证。",
    "应每年至少开展一次内部审核。",
    "测试结果应由独立于开发人员的人员复核。",
    "不得使用未经验证的数据替代上述数据。",
]
CONDITIONS = [
    "当系统用于高风险场景时，",
    "在生产环境中，",
    "对于面向公众提供服务的系统，",
    "在资源允许的情况下，",
    "除合同另有约定外，",
]
SYNONYMS = [
    ("采用", "使用"),
    ("使用", "采用"),
    ("进行", "开展"),
    ("根据", "依据"),
    ("按照", "依照"),
    ("包括", "包含"),
    ("各类", "各种"),
    ("以及", "及"),
    ("如果", "若"),
    ("确保", "保证"),
    ("所有", "全部"),
    ("提供", "给出"),
    ("形成文件的", "成文的"),
    ("相应的", "对应的"),
    ("不少于", "不低于"),
    ("规定", "规范"),
]
DE_BLACKLIST = set("有目是真确端别其我他她它新旧好高低大小多少的应可该为得之所即")
ZHI_WORDS = set("间一前后内外中下上类处")
FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


# --- the working tree --------------------------------------------------------------------


@dataclass
class Node:
    clause: Clause  # a copy with no children; its blocks are edited in place
    children: list[Node] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # LEFT numbers this unit derives from
    status: str = "unchanged"
    touched: bool = False
    orig_text: str = ""
    top: str = ""  # number of its LEFT top-level unit (chapter/annex), "" for added units

    @property
    def kind(self) -> ClauseKind:
        return self.clause.kind

    def is_leaf(self) -> bool:
        return not self.children


def to_nodes(clause: Clause, top: str) -> Node:
    own = clause.model_copy(deep=True)
    own.children = []
    top = top or clause.number
    node = Node(own, left=[key(clause)] if aligned(clause) else [], orig_text=unit_text(clause), top=top)
    node.children = [to_nodes(c, top) for c in clause.children]
    return node


def key(clause: Clause) -> str:
    return LABELS.get(clause.kind, clause.number)


def aligned(clause: Clause) -> bool:
    return clause.kind in ALIGNED or clause.kind in LABELS


def unit_text(clause: Clause) -> str:
    return clause.title + "\n" + clause.text()


def walk(nodes: list[Node], parent: Node | None = None):
    for n in nodes:
        yield n, parent
        yield from walk(n.children, n)


def renumber(nodes: list[Node]) -> None:
    chapter, annex = 0, 0
    for n in nodes:
        if n.kind == ClauseKind.CHAPTER:
            chapter += 1
            set_number(n, str(chapter))
        elif n.kind == ClauseKind.ANNEX:
            set_number(n, "ABCDEFGHJKLMNPQRSTUVWXYZ"[annex])
            annex += 1


def set_number(n: Node, number: str) -> None:
    n.clause.number = number
    if (entry := n.clause.term_entry) is not None:
        entry.number = number
    i = 0
    for child in n.children:
        if child.kind in (ClauseKind.CLAUSE, ClauseKind.TERM):
            i += 1
            set_number(child, f"{number}.{i}")


def rebuild(n: Node) -> Clause:
    c = n.clause.model_copy(deep=True)
    c.children = [rebuild(ch) for ch in n.children]
    return c


# --- text slots --------------------------------------------------------------------------


def slots(clause: Clause, with_terms: bool = True):
    """(object, attribute) pairs holding editable running text of a unit."""
    out = []

    def items(its: list[ListItem]):
        for it in its:
            out.append((it, "text"))
            items(it.children)

    for b in clause.blocks:
        if isinstance(b, Paragraph | Note | Example):
            out.append((b, "text"))
        elif isinstance(b, ListBlock):
            items(b.items)
        elif isinstance(b, TermEntry) and with_terms:
            out.append((b, "definition"))
    return out


# editorial rules: str -> str | None (None: not applicable)


def ed_synonym(s: str, rng: random.Random):
    cands = [(a, b) for a, b in SYNONYMS if a in s]
    if not cands:
        return None
    a, b = rng.choice(cands)
    return s.replace(a, b, 1)


def ed_de(s: str, rng: random.Random):
    spots = [
        m.start() for m in re.finditer(f"(?<={CJK})的(?={CJK})", s) if s[m.start() - 1] not in DE_BLACKLIST
    ]
    spots = [i for i in spots if i + 1 < len(s) and s[i + 1] not in "的"]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i] + s[i + 1 :]


def ed_punct(s: str, rng: random.Random):
    spots = [m.start() for m in re.finditer(f"(?<={CJK})，(?={CJK})", s)]
    if not spots:
        return None
    i = rng.choice(spots)
    return s[:i] + s[i + 1 :]


def ed_width(s: str, rng: random.Random):
    m = re.search(r"（([^（）]{1,30})）", s)
    if m:
        return s[: m.start()] + "(" + m.group(1) + ")" + s[m.end() :]
    m = re.search(r"[A-Za-z]{2,}", s)
    if m:
        return s[: m.start()] + m.group().translate(str.maketrans(FULLWIDTH)) + s[m.end() :]
    return None


def ed_order(s: str, rng: random.Random):
    toks = list(jieba.cut(s))
    before_ok = {"的", "对", "包括", "：", "，", "、", "在", "为", "和", "与"}
    after_ok = {"的", "等", "。", "，", "；", "进行", "应", "之间", "方面"}
    cands = []
    for i in range(1, len(toks) - 2):
        a, conj, b = toks[i], toks[i + 1], toks[i + 2]
        if conj not in ("和", "与") or not (
            re.fullmatch(f"{CJK}{{2,4}}", a) and re.fullmatch(f"{CJK}{{2,4}}", b)
        ):
            continue
        prev = toks[i - 1]
        nxt = toks[i + 3] if i + 3 < len(toks) else "。"
        if prev in before_ok and nxt in after_ok and a != b:
            cands.append(i)
    if not cands:
        return None
    i = rng.choice(cands)
    toks[i], toks[i + 2] = toks[i + 2], toks[i]
    return "".join(toks)


EDITORIAL = {
    "synonym": ed_synonym,
    "de": ed_de,
    "punctuation": ed_punct,
    "width": ed_width,
    "word_order": ed_order,
}

# technical rules

UNIT = r"(?:\s?(?:ms|min|h|s|%|GB/s|GB|MB|KB|TB|TFLOPS|W|℃|个月|个|次|年|天|小时|分钟|秒|学时|倍|位))"


def te_value(s: str, rng: random.Random):
    ms = [m for m in re.finditer(rf"(?<![\d.．A-Za-z])(?<!\d )(\d+)(?={UNIT})", s)]
    ms = [m for m in ms if not (len(m.group(1)) == 4 and s[m.end() : m.end() + 1] == "年")]  # years
    if not ms:
        return None
    m = rng.choice(ms)
    n = int(m.group(1))
    unit_pct = s[m.end() : m.end() + 1] == "%"
    new = n - 5 if unit_pct and n * 2 > 100 else n * 2
    if new <= 0 or new == n:
        new = n + 1
    return s[: m.start()] + str(new) + s[m.end() :]


MODAL_YING = re.compile(r"(?<![响对相供适反效理感呼照])应(?![用答急变对当该])")


def te_modal(s: str, rng: random.Random):
    ying = list(MODAL_YING.finditer(s))
    yi = [m for m in re.finditer(r"(?<![适便])宜", s)]
    if yi and (not ying or rng.random() < 0.5):
        m = rng.choice(yi)
        return s[: m.start()] + "应" + s[m.end() :]
    if ying:
        m = rng.choice(ying)
        return s[: m.start()] + "宜" + s[m.end() :]
    return None


COND_RE = re.compile(
    r"(?:^|(?<=。))(当[^，。；]{2,30}时，|在[^，。；]{2,30}(?:时|前|后|中)，|如[^，。；]{2,20}，|若[^，。；]{2,20}，|除[^，。；]{2,30}外，)"
)


def te_condition(s: str, rng: random.Random):
    m = COND_RE.search(s)
    if m and rng.random() < 0.6:
        return s[: m.start(1)] + s[m.end(1) :]
    starts = [0] + [m.end() for m in re.finditer("。", s) if m.end() < len(s)]
    starts = [i for i in starts if MODAL_YING.search(s[i : s.find("。", i) if "。" in s[i:] else len(s)])]
    if not starts:
        return None
    i = rng.choice(starts)
    return s[:i] + rng.choice(CONDITIONS) + s[i:]


def te_remove_sentence(s: str, rng: random.Random):
    sents = re.findall(r"[^。]+。", s)
    if len(sents) < 2 or "".join(sents) != s:
        return None
    idx = [i for i, t in enumerate(sents) if i > 0 and (MODAL_YING.search(t) or "不得" in t)]
    if not idx:
        return None
    i = rng.choice(idx)
    return "".join(sents[:i] + sents[i + 1 :])


def te_scope(s: str, rng: random.Random):
    if "适用于" in s and "仅适用于" not in s:
        return s.replace("适用于", "仅适用于", 1)
    return None


TECHNICAL = {
    "value": te_value,
    "modal": te_modal,
    "condition": te_condition,
    "remove_sentence": te_remove_sentence,
}


# --- the editor --------------------------------------------------------------------------


class Editor:
    def __init__(self, doc: Document, rng: random.Random):
        self.rng = rng
        self.doc = doc
        self.nodes = [to_nodes(c, "") for c in doc.clauses]
        self.deleted: list[str] = []
        self.log: list[dict] = []
        self.left_order = [key(c) for c in doc.walk() if aligned(c)]

    # candidates
    def body(self, leaf: bool = True, kinds=(ClauseKind.CLAUSE,)):
        """Untouched units outside chapters 1-3 (for structure edits) with their parent."""
        out = []
        for n, p in walk(self.nodes):
            if n.touched or n.kind not in kinds or p is None or (leaf and not n.is_leaf()):
                continue
            if n.kind == ClauseKind.CLAUSE and n.top in ("1", "2", "3"):
                continue
            if not n.clause.blocks and n.is_leaf():
                continue
            out.append((n, p))
        return out

    def mark(self, node: Node, status: str, op: str, detail: str) -> None:
        node.touched = True
        node.status = status
        self.log.append({"op": op, "left": "+".join(node.left) or None, "detail": detail})

    # text edits
    def text_edit(self, rules: dict, status: str, op: str, allow_terms: bool) -> bool:
        units = [n for n, _ in walk(self.nodes) if not n.touched and n.kind in ALIGNED and n.clause.blocks]
        if not allow_terms:
            units = [n for n in units if n.kind != ClauseKind.TERM]
        units = [n for n in units if n.top != "2"]
        self.rng.shuffle(units)
        names = list(rules)
        for n in units:
            self.rng.shuffle(names)
            for name in names:
                sl = slots(n.clause)
                self.rng.shuffle(sl)
                for obj, attr in sl:
                    old = getattr(obj, attr)
                    new = rules[name](old, self.rng)
                    if new and new != old and new.strip():
                        setattr(obj, attr, new)
                        self.mark(n, status, f"{op}:{name}", f"{old} → {new}")
                        return True
        return False

    def editorial(self) -> bool:
        return self.text_edit(EDITORIAL, "editorial", "editorial", True)

    def technical(self) -> bool:
        return self.text_edit(TECHNICAL, "technical", "technical", False)

    def add_requirement(self) -> bool:
        cands = [n for n, _ in self.body(leaf=True) if any(isinstance(b, Paragraph) for b in n.clause.blocks)]
        if not cands:
            return False
        n = self.rng.choice(cands)
        sentence = self.rng.choice(NEW_REQUIREMENTS)
        last = max(i for i, b in enumerate(n.clause.blocks) if isinstance(b, Paragraph))
        n.clause.blocks.insert(last + 1, Paragraph(text=sentence))
        self.mark(n, "technical", "technical:add_requirement", sentence)
        return True

    def remove_requirement(self) -> bool:
        cands = []
        for n, _ in self.body(leaf=True):
            for b in n.clause.blocks:
                if isinstance(b, ListBlock) and len(b.items) >= 3 and b.style == "dash":
                    cands.append((n, b))
        if not cands:
            return False
        n, b = self.rng.choice(cands)
        i = self.rng.randrange(len(b.items))
        gone = b.items.pop(i)
        if i == len(b.items):  # the new last item ends the list
            b.items[-1].text = re.sub("[；;]$", "。", b.items[-1].text)
        self.mark(n, "technical", "technical:remove_list_item", gone.text)
        return True

    def scope(self) -> bool:
        for n, _ in walk(self.nodes):
            if n.kind == ClauseKind.CHAPTER and n.clause.title in ("范围",) and not n.touched:
                for obj, attr in slots(n.clause):
                    new = te_scope(getattr(obj, attr), self.rng)
                    if new:
                        old = getattr(obj, attr)
                        setattr(obj, attr, new)
                        self.mark(n, "technical", "technical:scope", f"{old} → {new}")
                        return True
        return False

    # structure edits
    def insert(self) -> bool:
        parents = []
        for n, _ in walk(self.nodes):
            kids = [c for c in n.children if c.kind in (ClauseKind.CLAUSE, ClauseKind.TERM)]
            if (
                len(kids) >= 2
                and all(c.kind == kids[0].kind for c in kids)
                and all(c.is_leaf() for c in kids)
            ):
                if kids[0].kind == ClauseKind.CLAUSE and n.top in ("1", "2", "3"):
                    continue
                parents.append((n, kids))
        if not parents:
            return False
        p, kids = self.rng.choice(parents)
        pos = self.rng.randrange(len(kids))  # never last: later siblings shift
        at = p.children.index(kids[pos])
        if kids[0].kind == ClauseKind.TERM:
            used = {c.clause.title for c, _ in walk(self.nodes)}
            bank = [t for t in NEW_TERMS if t[0] not in used]
            zh, en, definition = self.rng.choice(bank)
            clause = Clause(
                number="",
                title=zh,
                kind=ClauseKind.TERM,
                blocks=[TermEntry(number="", term_zh=zh, term_en=en, definition=definition)],
            )
            detail = zh
        else:
            title, text = self.rng.choice(NEW_CLAUSES)
            titled = any(k.clause.title for k in kids)
            clause = Clause(
                number="",
                title=title if titled else "",
                kind=ClauseKind.CLAUSE,
                blocks=[Paragraph(text=text)],
            )
            detail = text
        node = Node(clause, status="added", touched=True)
        p.children.insert(at, node)
        self.log.append({"op": "insert", "left": None, "detail": f"before {kids[pos].left[0]}: {detail}"})
        return True

    def delete(self) -> bool:
        cands = [
            (n, p)
            for n, p in self.body(leaf=True, kinds=(ClauseKind.CLAUSE, ClauseKind.TERM))
            if len([c for c in p.children if c.kind == n.kind]) >= 3
        ]
        if not cands:
            return False
        n, p = self.rng.choice(cands)
        p.children.remove(n)
        self.deleted += n.left
        self.log.append({"op": "delete", "left": n.left[0], "detail": n.clause.title or n.clause.text()[:40]})
        return True

    def move(self) -> bool:
        cands = [
            (n, p)
            for n, p in self.body(leaf=True, kinds=(ClauseKind.CLAUSE, ClauseKind.TERM))
            if len(p.children) >= 3
        ]
        self.rng.shuffle(cands)
        for n, p in cands:
            targets = []
            for t, _ in walk(self.nodes):
                kids = [c for c in t.children if c.kind in (ClauseKind.CLAUSE, ClauseKind.TERM)]
                if t is p or len(kids) < 2 or not all(c.is_leaf() and c.kind == n.kind for c in kids):
                    continue
                if n.kind == ClauseKind.CLAUSE and (t.top == n.top or t.top in ("1", "2", "3")):
                    continue
                if n.kind == ClauseKind.TERM and t.clause.number == p.clause.number:
                    continue
                if n.kind == ClauseKind.CLAUSE and bool(kids[0].clause.title) != bool(n.clause.title):
                    continue
                targets.append((t, kids))
            if not targets:
                continue
            t, kids = self.rng.choice(targets)
            p.children.remove(n)
            pos = self.rng.randrange(len(kids) + 1)
            at = t.children.index(kids[pos]) if pos < len(kids) else len(t.children)
            t.children.insert(at, n)
            self.mark(n, "moved", "move", f"{n.left[0]} → under {t.left[0] if t.left else '(new)'}")
            return True
        return False

    def split(self) -> bool:
        cands = []
        for n, p in self.body(leaf=True):
            b = n.clause.blocks
            cuts = [
                i
                for i in range(1, len(b))
                if isinstance(b[i], Paragraph)
                and not (isinstance(b[i - 1], Paragraph) and b[i - 1].text.endswith("："))
            ]
            if cuts:
                cands.append((n, p, self.rng.choice(cuts), None))
            elif len(b) == 1 and isinstance(b[0], Paragraph):
                sents = re.findall(r"[^。]+。", b[0].text)
                if len(sents) >= 2 and "".join(sents) == b[0].text:
                    cands.append((n, p, None, sents))
        if not cands:
            return False
        n, p, cut, sents = self.rng.choice(cands)
        if cut is not None:
            first, second = n.clause.blocks[:cut], n.clause.blocks[cut:]
        else:
            k = self.rng.randrange(1, len(sents))
            first, second = [Paragraph(text="".join(sents[:k]))], [Paragraph(text="".join(sents[k:]))]
        t1 = t2 = ""
        if n.clause.title:
            parts = re.split("与|和|及", n.clause.title, maxsplit=1)
            if len(parts) == 2 and parts[0] and parts[1]:
                t1, t2 = parts
            else:
                t1 = n.clause.title
                t2 = n.clause.title + "的补充要求"
        n.clause.blocks, n.clause.title = first, t1
        twin = Node(
            Clause(number="", title=t2, kind=ClauseKind.CLAUSE, blocks=second),
            left=list(n.left),
            status="split",
            touched=True,
            top=n.top,
        )
        p.children.insert(p.children.index(n) + 1, twin)
        self.mark(n, "split", "split", f"{n.left[0]} into two")
        return True

    def merge(self) -> bool:
        cands = []
        for n, p in self.body(leaf=True):
            i = p.children.index(n)
            if i + 1 < len(p.children):
                m = p.children[i + 1]
                if (
                    not m.touched
                    and m.is_leaf()
                    and m.kind == ClauseKind.CLAUSE
                    and m.clause.blocks
                    and bool(m.clause.title) == bool(n.clause.title)
                    and len([c for c in p.children if c.kind == ClauseKind.CLAUSE]) >= 3
                ):
                    cands.append((n, m, p))
        if not cands:
            return False
        n, m, p = self.rng.choice(cands)
        n.clause.blocks = n.clause.blocks + m.clause.blocks
        if n.clause.title:
            n.clause.title = f"{n.clause.title}和{m.clause.title}"
        n.left = n.left + m.left
        p.children.remove(m)
        self.mark(n, "merged", "merge", f"{n.left[0]} + {n.left[1]}")
        return True

    # output
    def right_document(self) -> Document:
        renumber(self.nodes)
        right = Document(meta=self.doc.meta.model_copy(deep=True), clauses=[rebuild(n) for n in self.nodes])
        return right

    def truth(self) -> list[dict]:
        entries: list[dict] = []
        for n, _ in walk(self.nodes):
            if not aligned(n.clause):
                continue
            right = key(n.clause)
            if not n.left:
                entries.append({"left": None, "right": right, "status": n.status})
            for left in n.left:
                entries.append({"left": left, "right": right, "status": n.status})
        # deleted units go after the entry of the LEFT unit that precedes them
        pos = {u: i for i, u in enumerate(self.left_order)}
        for d in sorted(self.deleted, key=pos.__getitem__):
            at = 0
            for i, e in enumerate(entries):
                if e["left"] is not None and pos[e["left"]] < pos[d]:
                    at = i + 1
            entries.insert(at, {"left": d, "right": None, "status": "deleted"})
        return entries


OPS = [
    "insert",
    "delete",
    "move",
    "split",
    "merge",
    "editorial",
    "editorial",
    "technical",
    "technical",
    "add_requirement",
    "remove_requirement",
    "scope",
]


def make_pair(src: Path, rng: random.Random, n_edits: int, must: str) -> tuple[Document, Document, Editor]:
    doc = load_document(src)
    ed = Editor(doc, rng)
    # sanity: renumbering the untouched tree reproduces the original numbers
    check = [key(c) for c in Editor(doc, rng).right_document().walk() if aligned(c)]
    assert check == ed.left_order, src
    done = 0
    plan = [must] + [rng.choice(OPS) for _ in range(40)]
    for op in plan:
        if done >= n_edits:
            break
        if getattr(ed, op)():
            done += 1
    assert done >= 3, (src, done)
    return doc, ed.right_document(), ed


def front_matter(src: Path) -> str:
    """The source's YAML block verbatim (the loader reads ics: 35.020 as a number, 35.02)."""
    text = src.read_text(encoding="utf-8")
    end = text.index("\n---", 3) + len("\n---\n")
    return text[:end]


def body(markdown: str) -> str:
    end = markdown.index("\n---", 3) + len("\n---\n")
    return markdown[end:]


def units(path: Path) -> list[tuple[str, str]]:
    doc = load_document(path)
    return [(key(c), unit_text(c)) for c in doc.walk() if aligned(c)]


def validate(left: Path, right: Path, truth: list[dict], ed: Editor) -> None:
    lu, ru = dict(units(left)), dict(units(right))
    assert [k for k, _ in units(left)] == ed.left_order
    lseen = [e["left"] for e in truth if e["left"] is not None]
    rseen = [e["right"] for e in truth if e["right"] is not None]
    assert set(lseen) == set(lu), set(lseen) ^ set(lu)
    assert set(rseen) == set(ru), set(rseen) ^ set(ru)
    for e in truth:
        if e["status"] in ("unchanged", "moved"):
            assert lu[e["left"]] == ru[e["right"]], e
        if e["status"] in ("editorial", "technical"):
            assert lu[e["left"]] != ru[e["right"]], e
    for u in set(lseen):
        if lseen.count(u) > 1:
            assert all(e["status"] == "split" for e in truth if e["left"] == u), u
    for u in set(rseen):
        if rseen.count(u) > 1:
            assert all(e["status"] == "merged" for e in truth if e["right"] == u), u


def main() -> None:
    rng = random.Random(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    musts = ["insert", "move", "split", "merge", "delete", "technical", "editorial"]
    index = []
    number = 0
    for src_name in SOURCES:
        src = ROOT / "corpus" / "standards" / src_name
        for _ in range(PAIRS_PER_SOURCE):
            number += 1
            nn = f"{number:02d}"
            _, right, ed = make_pair(src, rng, rng.randint(3, 8), musts[(number - 1) % len(musts)])
            lpath, rpath = OUT / f"{nn}-left.md", OUT / f"{nn}-right.md"
            lpath.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
            rpath.write_text(front_matter(src) + body(to_markdown(right)), encoding="utf-8")
            truth = ed.truth()
            validate(lpath, rpath, truth, ed)
            (OUT / f"{nn}-truth.json").write_text(
                json.dumps(
                    {
                        "pair": nn,
                        "left": lpath.name,
                        "right": rpath.name,
                        "source": f"corpus/standards/{src_name}",
                        "seed": SEED,
                        "edits": ed.log,
                        "units": truth,
                    },
                    ensure_ascii=False,
                    indent=1,
                )
                + "\n",
                encoding="utf-8",
            )
            index.append((nn, src_name, len(ed.log) + 0, len(truth)))
    for row in index:
        print(*row)


if __name__ == "__main__":
    main()
