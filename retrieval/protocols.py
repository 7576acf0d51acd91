"""Provider interfaces: one small Protocol per replaceable part.

Implementations live one per file in ``embedders/``, ``stores/`` and ``rerankers/``; the factories
in each package's ``__init__`` pick one from the config.  Tests and the benchmark may pass their
own objects that satisfy these protocols.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict

FloatMatrix = NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; queries and passages may be encoded differently."""

    @property
    def fingerprint(self) -> str:
        """Identifies the model: vectors from different fingerprints must never be mixed."""
        ...

    @property
    def dim(self) -> int: ...

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix: ...

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix: ...


class VectorMeta(BaseModel):
    """What the vector store keeps beside each vector: exactly what search filters need."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    kind: str
    normative: bool | None


class VectorFilter(BaseModel):
    """Store-neutral filter; each store translates it into its own query language."""

    model_config = ConfigDict(frozen=True)

    doc_ids: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    normative: bool | None = None

    @property
    def is_empty(self) -> bool:
        return self.doc_ids is None and self.kinds is None and self.normative is None


class VectorStore(Protocol):
    """Vectors in named partitions (one per language), addressed by integer ids.

    Ids are the manifest's row ids, never reused, so a stale vector can never alias a new unit.
    """

    def add(
        self,
        partition: str,
        ids: Sequence[int],
        vectors: FloatMatrix,
        metas: Sequence[VectorMeta],
        pieces: Sequence[int] | None = None,
    ) -> None:
        """Store vectors under unit ids.  ``pieces`` (default all 0) numbers the extra vectors of a long
        unit's pieces (1, 2, …); piece 0 is the unit's own vector, the one ``get_vectors`` returns."""
        ...

    def delete(self, partition: str, ids: Sequence[int]) -> None:
        """Delete the units' vectors, pieces included."""
        ...

    def query(
        self, partition: str, vector: FloatMatrix, k: int, where: VectorFilter | None = None
    ) -> list[tuple[int, float]]:
        """Nearest ``k`` units as (id, cosine similarity), best first, a unit scored by its best vector
        (own or piece).  Raises ``EmptyIndexError`` if the partition does not exist."""
        ...

    def get_vectors(
        self, partition: str, ids: Sequence[int], pieces: bool = False
    ) -> tuple[list[int], FloatMatrix]:
        """The stored vectors of ``ids`` (those that exist), as (ids, matrix) in matching order; with
        ``pieces`` also the piece vectors, so an id may repeat."""
        ...

    def count(self, partition: str) -> int: ...

    def drop(self) -> None:
        """Delete every partition of this index."""
        ...

    def close(self) -> None: ...


class Reranker(Protocol):
    """Re-scores (query, passage) pairs; higher is better."""

    def score(self, query: str, passages: Sequence[str]) -> list[float]: ...
