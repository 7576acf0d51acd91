"""Small, complete drafts with no faults; each test seeds one fault into a copy and runs the checks."""

from __future__ import annotations

from assistant.checks import Finding, run_checks
from assistant.document.parse_text import parse_text

CLEAN_ZH = """---
designation: GB/T 90901—2026
kind: GB/T
title_zh: 人工智能　检查规则测试样例
title_en: Artificial intelligence—Test sample for check rules
ics: 35.240.01
ccs: L 70
stage: 征求意见稿
language: zh
---

## 前言
本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

本文件由全国信息技术标准化技术委员会（SAC/TC 28）提出并归口。

本文件起草单位：样例研究院。

## 引言
本文件给出检查规则测试用的样例结构，样例系统的应用场景包括文本审查。

## 1　范围
本文件规定了样例系统的性能要求和测试方法。

本文件适用于样例系统的设计和测试。

## 2　规范性引用文件
下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。

GB/T 24353—2022　风险管理　指南
ISO/IEC 22989:2022　Information technology — Artificial intelligence — Artificial intelligence concepts and terminology

## 3　术语和定义
下列术语和定义适用于本文件。

### 3.1
**样例系统**　sample system
用于验证检查规则、具有可靠日志的人工智能系统
注：样例系统不用于生产环境。
[来源：ISO/IEC 22989:2022，3.1.4，有修改]

### 3.2
**检查规则**　check rule
判断文本是否符合起草规则的条件

## 4　总体要求
### 4.1　通则
样例系统的风险管理应符合GB/T 24353—2022中6.3的规定，对应的记录应可追溯。

样例系统应满足下列要求：
——记录每次检查的结果；
——保存检查日志。

### 4.2　性能
样例系统的响应时间应不大于1 s，测试方法见5.1和附录A。

表1　性能指标

| 指标 | 要求 |
|---|---|
| 响应时间 | 不大于1 s |

注1：响应时间在空载条件下测量。

注2：性能指标的说明见表1。

## 5　测试方法
### 5.1　性能测试
按表1的指标测试，测试记录应符合附录B的规定。

示例：某系统的响应时间为0.8 s。

### 5.2　功能测试
按ISO/IEC 22989:2022中3.1的术语理解功能范围。

功能测试应包括下列内容：
a）正常输入测试；
b）异常输入测试：
1）空输入；
2）超长输入。

## 附录A（资料性）测试环境示例
### A.1　硬件
测试用计算机配置8核处理器，主要部件为国产芯片。

### A.2　软件
操作系统为通用Linux发行版，可靠性满足测试需要。

## 附录B（规范性）测试记录
### B.1　记录内容
测试记录应包括测试日期和测试人员。

### B.2　记录保存
测试记录应保存不少于3年。

## 参考文献
[1]　GB/T 41867—2022　信息技术　人工智能　术语
"""

CLEAN_EN = """---
designation: ISO/IEC 90999:2026
kind: ISO/IEC
title_en: Artificial intelligence — Test sample for check rules
ics: 35.020
language: en
---

## Foreword

ISO and IEC draw attention to the possibility that the implementation of this document can involve the use of patents.

This document was prepared by Joint Technical Committee ISO/IEC JTC 1, Subcommittee SC 42.

## Introduction

This document gives a small structure for testing the checks.

## 1 Scope

This document specifies requirements for the logging of AI systems.

## 2 Normative references

The following documents are referred to in the text in such a way that some or all of their content constitutes requirements of this document. For dated references, only the edition cited applies. For undated references, the latest edition of the referenced document (including any amendments) applies.

ISO/IEC 22989:2022, Information technology — Artificial intelligence — Artificial intelligence concepts and terminology

## 3 Terms and definitions

For the purposes of this document, the terms and definitions given in ISO/IEC 22989:2022 and the following apply.

### 3.1
event log
record of the events of an AI system, kept in order of time
Note 1 to entry: An event log can be kept in a file or a database.
[SOURCE: ISO/IEC 22989:2022, 3.1.4, modified — the object has been restricted.]

### 3.2
log entry
single record of an event log (3.1)

## 4 Requirements

### 4.1 Logging

The organization shall keep an event log for each AI system in accordance with 4.2 and Annex A.

NOTE The event log can be reviewed by an auditor.

### 4.2 Retention

Event logs shall be retained for at least 12 months, as given in Table 1.

Table 1 — Retention periods

| Log | Period |
|---|---|
| Event log | 12 months |

The organization should protect logs against modification.

## Annex A (normative) Log fields

### A.1 Mandatory fields

Each log entry shall contain a timestamp and an event type.

### A.2 Optional fields

A log entry may contain the identity of the user.
"""


def replaced(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, f"fixture text not found: {old!r}"
    return text.replace(old, new, count)


def findings(text: str, rule: str | None = None) -> list[Finding]:
    document = parse_text(text, "test.md")
    found = run_checks(document, only=[rule] if rule else None)
    return [f for f in found if rule is None or f.rule == rule]


def where(found: list[Finding]) -> list[str]:
    return [f.clause for f in found]
