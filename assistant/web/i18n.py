"""The interface's words in Chinese (default) and English. A missing English string falls back to Chinese."""

from __future__ import annotations

from collections.abc import Callable

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    "app": ("标准起草助手", "Standards drafting assistant"),
    "login": ("登录", "Log in"),
    "logout": ("退出", "Log out"),
    "username": ("用户名", "User name"),
    "password": ("密码", "Password"),
    "drafts": ("草案", "Drafts"),
    "corpus": ("语料库", "Corpus"),
    "new_draft": ("新建草案", "New draft"),
    "from_template": ("按GB/T 1.1模板新建", "From the GB/T 1.1 template"),
    "from_file": ("上传文件新建", "From a file"),
    "group": ("工作组", "Working group"),
    "role": ("角色", "Role"),
    "title_zh": ("中文名称", "Chinese title"),
    "title_en": ("英文名称", "English title"),
    "designation": ("标准编号", "Designation"),
    "stage": ("阶段", "Stage"),
    "create": ("创建", "Create"),
    "upload": ("上传", "Upload"),
    "version": ("版本", "Version"),
    "versions": ("版本历史", "Versions"),
    "outline": ("目次", "Outline"),
    "editor": ("条款编辑", "Clause editor"),
    "save": ("保存", "Save"),
    "chat": ("起草对话", "Drafting chat"),
    "send": ("发送", "Send"),
    "findings": ("检查结果", "Findings"),
    "apply_fix": ("应用修改", "Apply fix"),
    "review": ("审查比较", "Review"),
    "export": ("导出", "Export"),
    "compare": ("比较", "Compare"),
    "related": ("重复条款与规范性引用", "Overlap and normative references"),
    "related_hint": ("本版本各条款与语料库中已有条款的重复、更严、更宽或冲突关系，以及建议列入第2章的规范性引用文件。",
                     "Clauses of this version that existing clauses already state, tighten, loosen or contradict, "
                     "and the documents suggested for chapter 2."),
    "related_run": ("分析", "Analyse"),
    "left": ("旧版", "Older"),
    "right": ("新版", "Newer"),
    "other_draft": ("或另一草案", "or another draft"),
    "corpus_doc": ("或语料库文件编号", "or a corpus designation"),
    "comments": ("批注", "Comments"),
    "add_comment": ("添加批注", "Add comment"),
    "clause": ("条款", "Clause"),
    "cover": ("封面信息", "Cover metadata"),
    "download": ("下载.docx", "Download .docx"),
    "tracked_against": ("修订标记对比版本", "Tracked changes against version"),
    "search": ("检索", "Search"),
    "documents": ("文件", "Documents"),
    "units": ("单元数", "Units"),
    "remove": ("移除", "Remove"),
    "no_llm": ("无LLM模式：检索与模板", "no-LLM mode: retrieval and templates"),
    "llm": ("LLM模式", "LLM mode"),
    "select_clause": ("在左侧目次中选择条款", "Pick a clause in the outline"),
    "conflict": ("草案已被他人修改，您的文本已保留，请刷新后重做", "The draft changed meanwhile; your text is kept — reload and redo"),
    "saved": ("已保存为第{n}版", "Saved as version {n}"),
    "no_drafts": ("还没有草案", "No drafts yet"),
    "source": ("出处", "Source"),
    "not_found": ("未找到", "Not found"),
    "ics": ("ICS", "ICS"),
    "ccs": ("CCS", "CCS"),
    "replaces": ("代替", "Replaces"),
    "release_date": ("发布日期", "Release date"),
    "implementation_date": ("实施日期", "Implementation date"),
    "issuing_bodies": ("发布机构（每行一个）", "Issuing bodies (one per line)"),
    "plan_number": ("计划号", "Plan number"),
    "adoption": ("采用程度", "Adoption"),
    "adoption_source": ("被采用的文件", "Adopted document"),
    "progress": ("进度", "Progress"),
    "all_checks_pass": ("未发现问题", "No findings"),
    "needs_completion": ("需补全占位符", "fill in the placeholders"),
    "read_only": ("只读（审查人）", "read-only (reviewer)"),
    "map": ("标准体系图", "Standards-system map"),
    "map_note": ("语料库中的文件和本草案在国家人工智能标准体系中的位置；红色为尚无文件的空白领域，橙色为草案。",
                 "Where the corpus documents and this draft sit in the national AI standards system; red: areas no "
                 "document covers, orange: the draft."),
}


def translator(lang: str) -> Callable[..., str]:
    index = 1 if lang == "en" else 0

    def t(key: str, **values: object) -> str:
        pair = STRINGS.get(key)
        text = pair[index] if pair else key
        return text.format(**values) if values else text

    return t
