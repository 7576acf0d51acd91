"""Each REQ detector: a positive and a negative case (written for these tests, not from eval data)."""

from __future__ import annotations

import pytest

from assistant.requirements.detectors import detect


def rules(sentence: str) -> set[str]:
    return {d.rule for d in detect(sentence)}


@pytest.mark.parametrize(
    ("rule", "faulty", "fine"),
    [
        ("REQ-001", "告警信息应及时推送给值班人员。", "告警信息应在事件发生后60 s内推送给值班人员，按8.2规定的方法测试。"),
        ("REQ-001", "The portal shall be user-friendly.", "The portal shall pass the usability test in 9.2."),
        ("REQ-002", "向量检索服务应具有较低的查询时延。", "向量检索服务的查询时延应不大于50 ms，按9.1规定的方法测试。"),
        ("REQ-002", "The service shall have low latency.", "The service latency shall not exceed 50 ms when tested in accordance with 9.1."),
        ("REQ-003", "单机推理吞吐量应不低于500 tokens/s。", "在表3规定的配置下，单机推理吞吐量应不低于500 tokens/s，按9.3规定的方法测试。"),
        ("REQ-004", "运营者应重视模型的安全风险。", "运营者应每季度开展一次模型安全风险评估并形成记录。"),
        ("REQ-005", "系统应记录访问日志，并应每日备份日志文件。", "系统应记录访问日志。"),
        ("REQ-101", "调度器应兼容任意型号的加速卡。", "调度器应兼容表A.2所列型号的加速卡。"),
        ("REQ-101", "The compiler shall support any hardware.", "The compiler shall support the hardware listed in Table A.1."),
        ("REQ-102", "模型压缩后的精度损失应为零。", "模型压缩后的精度损失应不大于1%，按9.4规定的方法测试。"),
        ("REQ-102", "The gateway shall be fully compatible with every client.", "The gateway shall implement the protocol in Clause 6."),
        ("REQ-104", "集群通信应采用NVLink实现卡间互连。", "集群通信应支持表5所列的互连方式之一。"),
        ("REQ-105", "日志格式应符合GB/T XXXXX—XXXX的规定。", "日志格式应符合GB/T 35273—2020的规定。"),
    ],
)
def test_detector_positive_and_negative(rule: str, faulty: str, fine: str) -> None:
    assert rule in rules(faulty)
    assert rule not in rules(fine)


def test_traps_are_not_flagged() -> None:
    assert rules("迁移工具应能将CUDA源代码转换为本文件规定接口的源代码，按9.6规定的方法测试。") == set()
    assert rules("数据应以零拷贝方式在共享内存设备间传递。") & {"REQ-102"} == set()
    assert rules("存档数据应采用无损压缩格式保存。") & {"REQ-102"} == set()
    assert rules("示例：编程接口包括CUDA、HIP和SYCL。") == set()


def test_statements_are_not_requirements() -> None:
    assert rules("本章给出所有芯片架构的概述。") == set()
