"""LLM providers behind one interface: a LangChain chat model chosen by settings, or none.

One small builder per provider, registered by name, so a new backend is one function and one line,
in the way simonw/llm registers its model plugins.
"""

from __future__ import annotations

from collections.abc import Callable

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.settings import Settings


class LLMConfigError(ValueError):
    """The LLM settings are incomplete; the message names the missing variable."""


Builder = Callable[[Settings], BaseChatModel]
_BUILDERS: dict[str, Builder] = {}


def provider(name: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        _BUILDERS[name] = builder
        return builder

    return register


@provider("openai")
def _openai_compatible(settings: Settings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    if not settings.llm_base_url or not settings.llm_model:
        raise LLMConfigError("STDRAFT_LLM_BASE_URL and STDRAFT_LLM_MODEL are required for the openai provider "
                             "/ 需要配置 STDRAFT_LLM_BASE_URL 和 STDRAFT_LLM_MODEL")
    return ChatOpenAI(base_url=settings.llm_base_url, api_key=SecretStr(settings.llm_api_key),
                      model=settings.llm_model, temperature=settings.llm_temperature,
                      timeout=settings.llm_timeout_s, max_retries=1)


@provider("ollama")
def _ollama(settings: Settings) -> BaseChatModel:
    from langchain_ollama import ChatOllama

    if not settings.llm_base_url or not settings.llm_model:
        raise LLMConfigError("STDRAFT_LLM_BASE_URL and STDRAFT_LLM_MODEL are required for the ollama provider "
                             "/ 需要配置 STDRAFT_LLM_BASE_URL 和 STDRAFT_LLM_MODEL")
    return ChatOllama(base_url=settings.llm_base_url, model=settings.llm_model,
                      temperature=settings.llm_temperature)


def chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None in no-LLM mode."""
    if settings.llm_provider == "none":
        return None
    return _BUILDERS[settings.llm_provider](settings)


def describe(settings: Settings) -> str:
    if settings.llm_provider == "none":
        return "无 / none (no-LLM mode: retrieval, templates, checks, comparison and export still work)"
    return f"{settings.llm_provider}: {settings.llm_model} @ {settings.llm_base_url}"
