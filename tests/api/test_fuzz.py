"""Schemathesis against the app's own OpenAPI schema, in-process, with a real token.

Every operation gets schema-valid and schema-violating requests (half of those aimed at a real draft, so
the handlers are reached rather than only the 404 of an unknown id). Checked on every answer: no 5xx, the
status code, content type, headers and body conform to the schema, schema-violating input is refused, and
the same request without the token is refused (schemathesis's ``ignored_auth``).

schemathesis's pytest plugin (``@schema.parametrize``) does not run under this pytest version, so the
operations are driven through ``APIOperation.as_strategy`` with Hypothesis directly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis import checks as sc  # noqa: E402

from assistant.workspace.access import Role  # noqa: E402
from tests.api.workspace import GROUPS, Workspace, make_workspace  # noqa: E402

EXAMPLES = int(os.environ.get("STDRAFT_FUZZ_EXAMPLES", "25"))

# Checks left out for an operation, with the reason. Only "schema-valid input must be accepted" is ever left
# out, and only where validity depends on what OpenAPI cannot say.
NOT_EXPRESSIBLE = "the file's type and content (a .md/.txt/.docx/.pdf the loader can read) are not in the schema"
EXCLUDED: dict[str, tuple[list[Any], str]] = {
    "POST /api/check": ([sc.positive_data_acceptance], NOT_EXPRESSIBLE),
    "POST /api/drafts/upload": ([sc.positive_data_acceptance], NOT_EXPRESSIBLE),
    "POST /api/corpus/uploads": ([sc.positive_data_acceptance], NOT_EXPRESSIBLE),
    # the text must parse as a draft (front matter YAML, headings), and an edited clause must keep the
    # draft's structure: a 422 naming the problem is the right answer to schema-valid text that does not
    "POST /api/drafts": ([sc.positive_data_acceptance], "content must parse as a draft"),
    "PUT /api/drafts/{draft_id}": ([sc.positive_data_acceptance], "content must parse as a draft"),
    "PUT /api/drafts/{draft_id}/clauses/{clause}": ([sc.positive_data_acceptance], "the edit must keep the "
                                                    "draft's structure"),
    "PUT /api/drafts/{draft_id}/meta": ([sc.positive_data_acceptance], "dates and codes are checked by the "
                                        "cover model, not the schema"),
    "POST /api/drafts/{draft_id}/comments": ([sc.positive_data_acceptance], "the clause must exist in the "
                                             "version"),
    # OpenAI's request schema allows a conversation without a user turn; there is nothing to answer then (400)
    "POST /v1/chat/completions": ([sc.positive_data_acceptance], "a conversation needs a user message"),
}
# examples per operation where one example costs much more than the others
FEWER = {"GET /api/drafts/{draft_id}/export": 10, "POST /api/check": 10, "GET /api/drafts/{draft_id}/compare": 10}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Any, str]:
    ws = make_workspace(tmp_path_factory.mktemp("fuzz") / "data", max_file_mb=1)
    # corpus ingestion would load the embedder; the jobs are recorded, the HTTP edge is what is fuzzed here
    setattr(ws.ctx.jobs, "run", lambda job_id, paths, ingest_one: None)  # noqa: B010
    draft = ws.create_draft()
    schema = schemathesis.openapi.from_asgi("/openapi.json", ws.app)
    admin = ws.tokens[(GROUPS[0], Role.ADMIN)]
    admin_id = ws.ctx.accounts.principal(admin).user_id

    class TokenAuth:
        def get(self, case: Any, context: Any) -> str:
            # logging out revokes the token it was called with: give it one of its own
            return ws.ctx.accounts.issue_token(admin_id) if case.operation.path == "/api/logout" else admin

        def set(self, case: Any, data: str, context: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    schema.auth(refresh_interval=None, retry_on=[])(TokenAuth)
    return ws, schema, draft


def _labels() -> list[str]:
    # the operations are read from the schema at run time; this list only names the test cases, and a test
    # below fails when the two differ
    from tests.api.test_access import ENDPOINTS

    return sorted(f"{m} {p.replace(':path', '')}" for (m, p) in ENDPOINTS
                  if p.startswith(("/api/", "/v1/", "/health")))


def test_fuzz_covers_every_operation(fuzzed: tuple[Workspace, Any, str]) -> None:
    _, schema, _ = fuzzed
    labels = sorted(result.ok().label for result in schema.get_all_operations())
    assert labels == _labels()
    assert set(EXCLUDED) <= set(labels) and set(FEWER) <= set(labels)


@pytest.mark.parametrize("label", _labels())
def test_fuzz(fuzzed: tuple[Workspace, Any, str], label: str) -> None:
    ws, schema, draft = fuzzed
    method, path = label.split(" ", 1)
    operation = schema[path][method]
    strategies = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        strategies.append(operation.as_strategy(mode, auth_storage=schema.auth))
        if "{draft_id}" in path:
            strategies.append(operation.as_strategy(mode, auth_storage=schema.auth,
                                                    path_parameters={"draft_id": draft}))
    excluded = EXCLUDED.get(label, ([], ""))[0]

    @given(case=st.one_of(strategies))
    @settings(max_examples=FEWER.get(label, EXAMPLES), deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def run(case: Any) -> None:
        if method == "DELETE" and case.path_parameters.get("draft_id") == draft:
            case.path_parameters["draft_id"] = ws.create_draft()  # keep the shared draft for the others
        case.call_and_validate(excluded_checks=excluded)

    run()


def test_fuzz_finds_an_undocumented_status(tmp_path: Path) -> None:
    """The harness can fail: a route answering a status its schema does not list is reported."""
    from fastapi import FastAPI, HTTPException
    from schemathesis.core.failures import FailureGroup

    app = FastAPI()

    @app.get("/teapot")
    def teapot() -> dict[str, str]:
        raise HTTPException(418, "I'm a teapot")

    operation = schemathesis.openapi.from_asgi("/openapi.json", app)["/teapot"]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=1, database=None)
    def run(case: Any) -> None:
        case.call_and_validate()

    with pytest.raises(FailureGroup):
        run()
