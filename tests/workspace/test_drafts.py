"""Drafts keep every version unchanged; a save on a stale base is refused whoever races whom."""

from __future__ import annotations

import threading
from datetime import UTC

import pytest

from assistant.workspace.access import Role
from assistant.workspace.errors import Conflict, Forbidden, Invalid, NotFound
from assistant.workspace.sections import parse_draft
from tests.api.workspace import DRAFT
from tests.workspace.conftest import Services


def _group(services: Services, who_group: str = "wg") -> int:
    gid = services.accounts.group_id(who_group)
    assert gid is not None
    return gid


def test_versions_are_kept_whole_and_numbered(services: Services) -> None:
    who = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(who, _group(services), DRAFT)
    texts = [DRAFT] + [DRAFT + f"\n第{i}次修改。\n" for i in range(1, 4)]
    for i, text in enumerate(texts[1:], start=1):
        saved = services.drafts.save(who, info.id, i, text, f"改{i}")
        assert saved.number == i + 1 and saved.created_at.tzinfo is not None
    for number, text in enumerate(texts, start=1):
        version = services.drafts.version(who, info.id, number)
        assert version.content == text and version.created_at.tzinfo == UTC
    assert [v.number for v in services.drafts.versions(who, info.id)] == [4, 3, 2, 1]
    assert services.drafts.detail(who, info.id).draft.head == 4


def test_stale_save_raises_and_changes_nothing(services: Services) -> None:
    who = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(who, _group(services), DRAFT)
    services.drafts.save(who, info.id, 1, DRAFT + "\n甲\n")
    with pytest.raises(Conflict) as caught:
        services.drafts.save(who, info.id, 1, DRAFT + "\n乙\n")
    assert caught.value.detail["head"] == 2
    assert services.drafts.version(who, info.id).content == DRAFT + "\n甲\n"
    assert [v.number for v in services.drafts.versions(who, info.id)] == [2, 1]


def test_racing_writers_one_wins_each_round(services: Services) -> None:
    who = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(who, _group(services), DRAFT)
    for head in range(1, 6):
        barrier = threading.Barrier(4)
        outcomes: list[str] = []

        def write(i: int, base: int = head, barrier: threading.Barrier = barrier,
                  outcomes: list[str] = outcomes) -> None:
            barrier.wait()
            try:
                outcomes.append(f"v{services.drafts.save(who, info.id, base, DRAFT + f'{base}-{i}').number}")
            except Conflict:
                outcomes.append("409")

        threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(outcomes) == ["409", "409", "409", f"v{head + 1}"], outcomes
    assert [v.number for v in services.drafts.versions(who, info.id)] == [6, 5, 4, 3, 2, 1]


def test_roles_and_groups_are_enforced_by_the_store(services: Services) -> None:
    owner = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(owner, _group(services), DRAFT)
    reviewer = services.principal("rv", "wg", Role.REVIEWER)
    with pytest.raises(Forbidden):
        services.drafts.save(reviewer, info.id, 1, DRAFT + "x")
    with pytest.raises(Forbidden):
        services.drafts.create(reviewer, _group(services), DRAFT)
    with pytest.raises(Forbidden):
        services.drafts.update_meta(owner.__class__(owner.user_id, owner.name, {_group(services): Role.DRAFTER},
                                                     owner.group_slugs), info.id, 1, {"ics": "01.040"})
    stranger = services.principal("st", "other", Role.ADMIN)
    for attempt in (lambda: services.drafts.version(stranger, info.id),
                    lambda: services.drafts.save(stranger, info.id, 1, DRAFT + "x"),
                    lambda: services.drafts.delete(stranger, info.id),
                    lambda: services.drafts.comments(stranger, info.id)):
        with pytest.raises(NotFound):
            attempt()
    assert services.drafts.list_drafts(stranger) == []
    assert services.drafts.version(owner, info.id).number == 1


def test_delete_hides_the_draft_and_keeps_its_versions(services: Services) -> None:
    admin = services.principal("ad", "wg", Role.ADMIN)
    info = services.drafts.create(admin, _group(services), DRAFT)
    services.drafts.save(admin, info.id, 1, DRAFT + "\n改\n")
    editor = services.principal("ed", "wg", Role.EDITOR)
    with pytest.raises(Forbidden):
        services.drafts.delete(editor, info.id)
    services.drafts.delete(admin, info.id)
    with pytest.raises(NotFound):
        services.drafts.version(admin, info.id)
    assert services.drafts.list_drafts(admin) == []
    from assistant.store.models import DraftVersion

    with services.drafts.sessions() as s:
        assert s.query(DraftVersion).filter_by(draft_id=info.id).count() == 2


@pytest.mark.parametrize("content", ["", "   \n\n", "---\ntitle_zh: [unclosed\n---\n## 1 Scope\n"])
def test_empty_or_unparsable_text_is_refused(services: Services, content: str) -> None:
    who = services.principal("ed", "wg", Role.EDITOR)
    with pytest.raises(Invalid):
        services.drafts.create(who, _group(services), content)
    info = services.drafts.create(who, _group(services), DRAFT)
    with pytest.raises(Invalid):
        services.drafts.save(who, info.id, 1, content)
    assert services.drafts.versions(who, info.id)[0].number == 1


def test_text_over_the_limit_is_refused(services: Services) -> None:
    who = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(who, _group(services), DRAFT)
    with pytest.raises(Invalid, match="MB"):
        services.drafts.save(who, info.id, 1, DRAFT + "字" * (2**20 // 3 + 1))


def test_clause_edit_and_meta_keep_the_rest_byte_for_byte(services: Services) -> None:
    who = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(who, _group(services), DRAFT)
    services.drafts.edit_clause(who, info.id, 1, "4", "## 4　要求\n标注员应经过培训。")
    v2 = services.drafts.version(who, info.id).content
    assert v2 == DRAFT.replace("标注员必须经过培训。", "标注员应经过培训。")
    services.drafts.update_meta(who, info.id, 2, {"ics": "35.240", "ccs": "L70"})
    v3 = services.drafts.version(who, info.id).content
    meta = parse_draft(v3).meta
    assert (meta.ics, meta.ccs, meta.title_zh) == ("35.240", "L70", "信息技术　测试草案")
    assert v3.split("## 前言", 1)[1] == v2.split("## 前言", 1)[1]
    with pytest.raises(Invalid):
        services.drafts.update_meta(who, info.id, 3, {"stage": "no such stage"})


def test_comments_name_existing_clauses(services: Services) -> None:
    who = services.principal("rv", "wg", Role.REVIEWER)
    owner = services.principal("ed", "wg", Role.EDITOR)
    info = services.drafts.create(owner, _group(services), DRAFT)
    other = services.drafts.create(owner, _group(services), DRAFT)
    comment = services.drafts.add_comment(who, info.id, 1, "4", "  请核实  ")
    assert comment.text == "请核实" and not comment.resolved
    with pytest.raises(Invalid):
        services.drafts.add_comment(who, info.id, 1, "9.9", "没有这一条")
    with pytest.raises(NotFound):
        services.drafts.add_comment(who, info.id, 7, "", "没有这一版")
    with pytest.raises(NotFound):  # a comment is resolved through its own draft only
        services.drafts.resolve_comment(who, other.id, comment.id)
    assert services.drafts.resolve_comment(who, info.id, comment.id).resolved
