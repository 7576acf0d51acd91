"""The web workspace in Debian's Chromium: log in, upload, draft, fix, compare, comment, export, corpus.

Screenshots of every step go to tests/artifacts/web/ for people to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from assistant.settings import Settings
from tests.support.browser import chromium_page
from tests.support.llm_server import scripted_llm_server
from tests.web.conftest import ARTIFACTS, log_in, serve, shot

DRAFT = """---
designation: GB/T XXXXX—XXXX
kind: GB/T
title_zh: 人工智能　数据标注　质量要求
title_en: Artificial intelligence—Data annotation—Quality requirements
ics: 35.240
ccs: L 70
stage: 征求意见稿
language: zh
---

## 前言
本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

## 1　范围
本文件规定了人工智能数据标注的质量要求。

本文件适用于数据标注服务提供方。

## 2　规范性引用文件
本文件没有规范性引用文件。

## 3　术语和定义
本文件没有需要界定的术语和定义。

## 4　标注人员
### 4.1　培训
标注员必须经过岗前培训并通过考核后方可上岗。

### 4.2　复核
标注结果应由未参与该批标注的人员抽样复核。
"""

CORPUS_DOC = """---
designation: GB/T 99101—2026
kind: GB/T
title_zh: 人工智能　标注过程管理（浏览器测试样例）
language: zh
sample: true
---

## 1　范围
本文件规定了人工智能数据标注过程的管理要求。

## 4　过程要求
### 4.1　标注规范
标注前应编制标注规范，明确标注对象、标签体系和判定规则。

### 4.2　质量抽检
每批标注结果应按不低于5%的比例抽检，抽检不合格的批次应全部返工。
"""


def indexed_settings(tmp_path: Path) -> Settings:
    """A data directory whose index holds the small process-management sample."""
    from assistant.corpus.index import open_index
    from assistant.corpus.ingest import ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sample-annotation-process.md").write_text(CORPUS_DOC, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data")
    with open_index(settings) as index:
        assert not ingest([corpus], index, settings).errors
    return settings


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "数据标注质量要求.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_drafting_review_export_in_no_llm_mode(tmp_path: Path, draft_file: Path) -> None:
    corpus_file = tmp_path / "sample-annotation-process.md"
    corpus_file.write_text(CORPUS_DOC, encoding="utf-8")
    with serve(Settings(data_dir=tmp_path / "data")) as served, chromium_page() as page:
        url = served.url
        log_in(page, url, "zhang")
        assert "无LLM模式" in page.inner_text("[data-testid=mode]")
        shot(page, "01-home")

        # a draft from an uploaded file
        page.set_input_files("#upload-draft input[type=file]", str(draft_file))
        page.click("#upload-draft button")
        page.wait_for_url(re.compile(r".*/drafts/d-[0-9a-f]+$"))
        draft_url = page.url
        page.wait_for_selector("[data-testid=findings] li")
        assert "4.1" in page.inner_text("[data-testid=outline]")
        shot(page, "02-draft-findings")

        # apply the suggested fix for 必须 → 应 from the findings panel
        fix = page.locator("[data-testid=findings] li[data-rule=VF-001] [data-testid=apply-fix]")
        fix.click()
        page.wait_for_selector("text=已应用修改")
        assert page.inner_text("#head") == "2"
        assert "标注员应经过岗前培训" in page.input_value("[data-testid=clause-text]")
        assert page.locator("[data-testid=findings] li[data-rule=VF-001]").count() == 0
        shot(page, "03-fix-applied")

        # edit a clause by hand
        page.click("[data-testid=outline] li[data-clause='4.2']")
        text = page.input_value("[data-testid=clause-text]")
        page.fill("[data-testid=clause-text]", text.replace("抽样复核", "按不低于10%的比例抽样复核"))
        page.click("#save-clause")
        page.wait_for_selector("text=已保存为第3版")

        # draft a clause in chat, no LLM: the template, labelled as such
        page.fill("#chat-input", "起草“范围”一章")
        page.click("#chat-form button")
        answer = page.locator("[data-testid=answer][data-done='1']")
        answer.wait_for()
        assert "无LLM模式" in answer.inner_text() and "本文件规定了" in answer.inner_text()
        shot(page, "04-chat-no-llm")

        # compare two versions on the review page, and comment on a clause
        page.goto(f"{draft_url}/review")
        page.select_option("#compare-form select[name=left]", "1")
        page.select_option("#compare-form select[name=right]", "3")
        page.click("#compare-form button")
        frame = page.frame_locator("[data-testid=comparison]")
        frame.locator("text=technical").first.wait_for()
        assert "4.2" in frame.locator("body").inner_text()
        page.select_option("#comment-form select[name=clause]", "4.2")
        page.fill("#comment-form input[name=text]", "抽检比例的依据是什么？")
        page.click("#comment-form button")
        page.wait_for_selector("[data-testid=comments] >> text=抽检比例的依据是什么？")
        shot(page, "05-review-compare")

        # export: the cover form, then download the .docx
        page.goto(f"{draft_url}/export")
        # the drafter has no metadata rights: the form is read-only, with no save button
        assert page.locator("#meta-form input[name=ics]").is_disabled()
        assert page.locator("#meta-form button").count() == 0
        with page.expect_download() as download_info:
            page.click("[data-testid=download]")
        saved = tmp_path / "export.docx"
        download_info.value.save_as(saved)
        text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
        assert "数据标注" in text and "按不低于10%的比例抽样复核" in text
        shot(page, "06-export")

        # the corpus: the editor uploads a document, watches the progress bar, searches and opens a source
        page.goto(f"{url}/logout")
        log_in(page, url, "wang")
        page.goto(f"{url}/corpus")
        page.set_input_files("#corpus-upload input[type=file]", str(corpus_file))
        page.click("#corpus-upload button")
        page.wait_for_selector("[data-testid=progress][data-done='1']", timeout=180_000)
        assert page.locator("#job-files li[data-status=added]").count() == 1
        page.fill("#search-form input[name=q]", "标注结果 抽检 比例 返工")
        page.click("#search-form button")
        first = page.locator("[data-testid=results] li a.cite").first
        first.wait_for()
        assert "GB/T 99101—2026" in first.inner_text()
        shot(page, "07-corpus")
        first.click()
        page.wait_for_selector("[data-testid=source-text]")
        assert "抽检" in page.inner_text("[data-testid=source-text]")
        shot(page, "08-source")

        # the editor may change cover metadata: a new version
        page.goto(f"{draft_url}/export")
        page.fill("#meta-form input[name=ics]", "35.240.01")
        page.click("#meta-form button")
        page.wait_for_selector("text=已保存为第4版")

        # a reviewer sees the draft read-only
        page.goto(f"{url}/logout")
        log_in(page, url, "li")
        page.goto(draft_url)
        page.wait_for_selector("[data-testid=outline] li")
        assert page.locator("#save-clause").count() == 0 and page.locator("#chat-form").count() == 0
        assert page.locator("[data-testid=apply-fix]").count() == 0
        # ...and may analyse its overlap with the corpus and the references it should list
        page.goto(f"{draft_url}/review")
        page.click("#related-run")
        page.wait_for_selector("[data-testid=related] h3")
        related = page.inner_text("[data-testid=related]")
        assert "建议的规范性引用文件" in related and "分析中" not in related
        # 4.2 asks for at least 10 % where the uploaded corpus document asks for at least 5 %
        stricter = page.locator("[data-testid=related] tr[data-relation=stricter]")
        assert stricter.count() == 1 and "GB/T 99101—2026，4.2" in stricter.inner_text()
        assert page.inner_text("#related-error") == ""
        shot(page, "10-review-related")
        page.goto(f"{url}/?lang=en")
        assert "Drafts" in page.inner_text("main")
        shot(page, "09-reviewer-english")
    assert (ARTIFACTS / "05-review-compare.png").stat().st_size > 10_000


def test_drafting_with_an_llm_cites_sources_that_open(tmp_path: Path) -> None:
    base = indexed_settings(tmp_path)
    reply = ("### 4.3　抽检\n每批标注结果应按不低于5%的比例抽检[GB/T 99101—2026，4.2]，不合格批次应全部返工。")
    with scripted_llm_server([reply]) as llm:
        settings = base.model_copy(update={"llm_provider": "openai", "llm_base_url": llm.base_url,
                                           "llm_model": "scripted-model"})
        with serve(settings) as served, chromium_page() as page:
            created = served_draft(served)
            log_in(page, served.url, "zhang")
            assert "LLM" in page.inner_text("[data-testid=mode]")
            page.goto(f"{served.url}/drafts/{created}")
            page.fill("#chat-input", "起草一条关于标注结果抽检的条款")
            page.click("#chat-form button")
            answer = page.locator("[data-testid=answer][data-done='1']")
            answer.wait_for(timeout=60_000)
            assert "不低于5%的比例抽检" in answer.inner_text()
            link = answer.locator("[data-testid=citation]").first
            assert link.inner_text() == "GB/T 99101—2026，4.2"
            shot(page, "10-chat-llm")
            with page.context.expect_page() as opened:
                link.click()
            source = opened.value
            source.wait_for_selector("[data-testid=source-text]")
            assert "5%" in source.inner_text("[data-testid=source-text]")
        assert "<context>" in llm.prompts()[-1] and "GB/T 99101—2026，4.2" in llm.prompts()[-1]


def served_draft(served: object) -> str:
    import httpx

    token = served.tokens["drafter"]  # type: ignore[attr-defined]
    r = httpx.post(f"{served.url}/api/drafts", json={"group": "wg-ai", "title_zh": "人工智能　数据标注　抽检"},  # type: ignore[attr-defined]
                   headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def test_system_map_places_the_corpus_and_the_draft(tmp_path: Path) -> None:
    settings = indexed_settings(tmp_path)
    with serve(settings) as served, chromium_page() as page:
        created = served_draft(served)
        log_in(page, served.url, "zhang")
        page.goto(f"{served.url}/drafts/{created}")
        page.click("a[href^='/map?draft=']")
        page.wait_for_url(re.compile(r".*/map\?draft=d-"))
        frame = page.frame_locator("[data-testid=map]")
        frame.locator(".treemap").first.wait_for(timeout=120_000)
        body = frame.locator("body").inner_text()
        assert "草案" in body and "空白" in body  # the draft is marked, the gaps are counted
        shot(page, "11-system-map")
