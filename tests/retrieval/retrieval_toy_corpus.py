"""A small bilingual corpus shaped like the real one (GB term entries and clauses, ISO/IEC text,
an EU-style regulation), with a glossary; built here so the tests need no corpus files."""

from __future__ import annotations

import hashlib

from retrieval import Glossary, Unit
from retrieval.units import Language

# fmt: off
_DOCS: dict[str, dict[str, object]] = {
    "gbt-41867": {
        "designation": "GB/T 41867—2022",
        "title": "信息技术　人工智能　术语",
        "language": "zh",
        "units": [
            ("前言", "", "foreword", None, "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"),
            ("3.1", "人工智能系统", "term", True, "人工智能系统　artificial intelligence system\n针对人类定义的给定目标，产生诸如内容、预测、推荐或决策等输出的工程系统。"),
            ("3.2", "机器学习", "term", True, "机器学习　machine learning\n通过计算技术优化模型参数的过程，使模型的行为反映数据或经验。"),
            ("3.3", "训练数据", "term", True, "训练数据　training data\n用于训练机器学习模型的数据样本集合。"),
            ("3.4", "数据标注", "term", True, "数据标注　data annotation\n为数据添加标签或说明信息的过程。"),
            ("4.1", "通则", "clause", True, "人工智能系统应具有可追溯性，应记录系统运行日志并保存不少于六个月。"),
            ("5.1", "数据质量", "clause", True, "训练数据应满足完整性、准确性和一致性要求，数据来源应可追溯。"),
            ("A.1", "数据标注质量指标", "annex", False, "示例：数据标注的准确率、一致率和完整率可作为质量指标。"),
        ],
    },
    "gbt-18487-1": {
        "designation": "GB/T 18487.1—2023",
        "title": "电动汽车传导充电系统　第1部分：通用要求",
        "language": "zh",
        "units": [
            ("5.1", "充电模式", "clause", True, "电动汽车传导充电系统应支持充电模式2、充电模式3和充电模式4。"),
            ("9.3", "电击防护", "clause", True, "充电设备应具有防止人员直接接触带电部件的防护措施。"),
            ("B.1", "充电接口示意", "annex", False, "本附录给出交流充电接口和直流充电接口的示意图。"),
        ],
    },
    "iso-iec-22989": {
        "designation": "ISO/IEC 22989:2022",
        "title": "Information technology — Artificial intelligence — Artificial intelligence concepts and terminology",
        "language": "en",
        "units": [
            ("3.1.4", "AI system", "term", True, "AI system\nengineered system that generates outputs such as content, forecasts, recommendations or decisions for a given set of human-defined objectives"),
            ("3.3.5", "machine learning", "term", True, "machine learning\nprocess of optimizing model parameters through computational techniques, such that the model's behaviour reflects the data or experience"),
            ("5.2", "Robustness", "clause", True, "The AI system shall maintain its level of performance under varying conditions, including adversarial attacks."),
            ("A.1", "Data quality", "annex", True, "Training data shall be complete, accurate and representative of the intended use."),
            ("B.1", "Examples of AI applications", "annex", False, "EXAMPLE Spam filtering, machine translation and image recognition are common AI applications."),
        ],
    },
    "eu-ai-act": {
        "designation": "Regulation (EU) 2024/1689",
        "title": "Artificial Intelligence Act",
        "language": "en",
        "units": [
            ("Article 10", "Data and data governance", "article", True, "High-risk AI systems which make use of techniques involving the training of AI models with data shall be developed on the basis of training, validation and testing data sets that meet the quality criteria."),
            ("Article 13", "Transparency and provision of information to deployers", "article", True, "High-risk AI systems shall be designed and developed in such a way as to ensure that their operation is sufficiently transparent to enable deployers to interpret a system's output."),
            ("Article 15", "Accuracy, robustness and cybersecurity", "article", True, "High-risk AI systems shall be designed and developed in such a way that they achieve an appropriate level of accuracy, robustness, and cybersecurity."),
        ],
    },
}

# fmt: on

GLOSSARY_PAIRS = [
    ("人工智能系统", "AI system"),
    ("人工智能系统", "artificial intelligence system"),
    ("机器学习", "machine learning"),
    ("训练数据", "training data"),
    ("数据标注", "data annotation"),
    ("鲁棒性", "robustness"),
    ("网络安全", "cybersecurity"),
    ("准确性", "accuracy"),
    ("透明度", "transparency"),
    ("高风险", "high-risk"),
    ("电动汽车", "electric vehicle"),
    ("充电模式", "charging mode"),
    ("传导充电", "conductive charging"),
]

USER_WORDS = ["人工智能系统", "训练数据", "数据标注", "充电模式", "传导充电", "鲁棒性", "高风险"]


def glossary() -> Glossary:
    return Glossary.from_pairs(GLOSSARY_PAIRS)


def unit_id(doc_id: str, number: str) -> str:
    return f"{doc_id}:{number}"


def doc_units(doc_id: str, *, revision: str = "") -> list[Unit]:
    doc = _DOCS[doc_id]
    language: Language = "en" if doc["language"] == "en" else "zh"
    out = []
    for number, title, kind, normative, text in doc["units"]:  # type: ignore[attr-defined]
        out.append(
            Unit(
                id=unit_id(doc_id, number),
                doc_id=doc_id,
                designation=str(doc["designation"]),
                doc_title=str(doc["title"]),
                number=number,
                title=title,
                kind=kind,
                text=text + revision,
                language=language,
                normative=normative,
                citation=f"{doc['designation']}, {number}",
            )
        )
    return out


def content_hash(units: list[Unit]) -> str:
    h = hashlib.sha256()
    for u in units:
        h.update(u.model_dump_json().encode())
    return h.hexdigest()


DOC_IDS = list(_DOCS)
