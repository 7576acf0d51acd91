"""Behaviour shared by the two Chroma stores (embedded and server); only client creation differs.

Vectors are always passed in precomputed and every collection is opened with
``embedding_function=None``: Chroma's default function would try to download a model.
One collection per partition (language): a ``where`` on language costs ~140 ms per query at 100k
units on this machine, an unfiltered query ~2 ms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.errors import ChromaError, NotFoundError

from retrieval.errors import EmptyIndexError, VectorStoreUnavailableError
from retrieval.protocols import FloatMatrix, VectorFilter, VectorMeta

_NORMATIVE = {True: 1, False: 0, None: -1}
# Fetching pieces for more units than this reads the whole collection instead of filtering by row
_SCAN_FROM = 2000


def vector_id(row: int, piece: int) -> str:
    """Chroma id of a unit's own vector ("42") or of one of its pieces ("42~3")."""
    return str(row) if piece == 0 else f"{row}~{piece}"


def _rows_where(rows: Sequence[int]) -> dict[str, Any]:
    return {"row": {"$in": [int(r) for r in rows]}}


def row_of(vector_id: str) -> int:
    return int(vector_id.split("~", 1)[0])


def where_clause(flt: VectorFilter | None) -> dict[str, Any] | None:
    if flt is None or flt.is_empty:
        return None
    conds: list[dict[str, Any]] = []
    if flt.doc_ids is not None:
        conds.append({"doc_id": {"$in": list(flt.doc_ids)}})
    if flt.kinds is not None:
        conds.append({"kind": {"$in": list(flt.kinds)}})
    if flt.normative is not None:
        conds.append({"normative": _NORMATIVE[flt.normative]})
    return conds[0] if len(conds) == 1 else {"$and": conds}


class ChromaStore:
    def __init__(self, client: ClientAPI, *, name_prefix: str, ef_search: int, where_label: str) -> None:
        self._client = client
        self._prefix = name_prefix
        self._ef_search = ef_search
        self._label = where_label  # "path" or "url", for error messages
        self._collections: dict[str, Collection] = {}
        try:
            self._batch = max(1, min(5000, int(client.get_max_batch_size())))
        except Exception:  # an old server without the endpoint; Chroma's historical limit
            self._batch = 5000

    def collection_name(self, partition: str) -> str:
        return f"{self._prefix}-{partition}"

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except (EmptyIndexError, VectorStoreUnavailableError):
            raise
        except NotFoundError as exc:
            self._collections.clear()
            raise EmptyIndexError(
                "（向量集合不存在，请重新导入）", "(the vector collection is missing; re-ingest)"
            ) from exc
        except ChromaError as exc:
            raise VectorStoreUnavailableError(
                f"向量库出错（{self._label}）：{exc}", f"Vector store error ({self._label}): {exc}"
            ) from exc
        except OSError as exc:
            raise VectorStoreUnavailableError(
                f"无法连接向量库（{self._label}）：{exc}",
                f"Cannot reach the vector store ({self._label}): {exc}",
            ) from exc
        except Exception as exc:
            # httpx transport errors and friends from the http client
            if type(exc).__module__.startswith(("httpx", "httpcore", "requests", "urllib3")):
                raise VectorStoreUnavailableError(
                    f"无法连接向量库（{self._label}）：{exc}",
                    f"Cannot reach the vector store ({self._label}): {exc}",
                ) from exc
            raise

    def _collection(self, partition: str, create: bool) -> Collection:
        col = self._collections.get(partition)
        if col is not None:
            return col
        name = self.collection_name(partition)
        if create:
            col = self._client.get_or_create_collection(
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine", "ef_search": self._ef_search}},
            )
        else:
            col = self._client.get_collection(name, embedding_function=None)
        self._collections[partition] = col
        return col

    def add(
        self,
        partition: str,
        ids: Sequence[int],
        vectors: FloatMatrix,
        metas: Sequence[VectorMeta],
        pieces: Sequence[int] | None = None,
    ) -> None:
        if len(ids) == 0:
            return
        piece_of = list(pieces) if pieces is not None else [0] * len(ids)
        with self._errors():
            col = self._collection(partition, create=True)
            for start in range(0, len(ids), self._batch):
                end = start + self._batch
                col.add(
                    ids=[vector_id(i, p) for i, p in zip(ids[start:end], piece_of[start:end], strict=True)],
                    embeddings=np.ascontiguousarray(vectors[start:end], dtype=np.float32),
                    metadatas=[
                        # "row" lets the pieces of a unit be deleted and fetched with it
                        {"doc_id": m.doc_id, "kind": m.kind, "normative": _NORMATIVE[m.normative], "row": int(i)}
                        for i, m in zip(ids[start:end], metas[start:end], strict=True)
                    ],
                )

    def delete(self, partition: str, ids: Sequence[int]) -> None:
        if len(ids) == 0:
            return
        with self._errors():
            try:
                col = self._collection(partition, create=False)
            except NotFoundError:
                return  # nothing stored there: nothing to delete
            for start in range(0, len(ids), self._batch):
                chunk = [int(i) for i in ids[start : start + self._batch]]
                col.delete(ids=[str(i) for i in chunk])
                col.delete(where=_rows_where(chunk))  # the pieces of long units

    def query(
        self, partition: str, vector: FloatMatrix, k: int, where: VectorFilter | None = None
    ) -> list[tuple[int, float]]:
        with self._errors():
            col = self._collection(partition, create=False)
            # Pieces of one long unit may fill several of the nearest places; fetch more, keep each
            # unit's best.  Most units have no pieces, so twice ``k`` nearly always yields ``k`` units.
            res = col.query(
                query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
                n_results=2 * k,
                where=where_clause(where),
                include=["distances"],
            )
        ids = res["ids"][0]
        distances = (res.get("distances") or [[]])[0]
        best: dict[int, float] = {}
        for i, d in zip(ids, distances, strict=True):
            # cosine distance → similarity, so that higher is better everywhere in this package
            best.setdefault(row_of(i), 1.0 - float(d))
        return list(best.items())[:k]

    def get_vectors(
        self, partition: str, ids: Sequence[int], pieces: bool = False
    ) -> tuple[list[int], FloatMatrix]:
        found: list[int] = []
        chunks: list[FloatMatrix] = []
        with self._errors():
            col = self._collection(partition, create=False)
            if pieces and len(ids) > _SCAN_FROM:
                return self._scan(col, {int(i) for i in ids})
            for start in range(0, len(ids), self._batch):
                chunk = [int(i) for i in ids[start : start + self._batch]]
                results = [col.get(ids=[str(i) for i in chunk], include=["embeddings"])]
                if pieces:
                    # by id above (vectors stored before pieces existed carry no "row"), pieces by row here
                    results.append(col.get(where=_rows_where(chunk), include=["embeddings"]))
                seen: set[str] = set()
                for res in results:
                    embeddings = res.get("embeddings")
                    if embeddings is None or len(res["ids"]) == 0:
                        continue
                    keep = [j for j, i in enumerate(res["ids"]) if i not in seen]
                    seen.update(res["ids"])
                    matrix = np.asarray(embeddings, dtype=np.float32).reshape(len(res["ids"]), -1)
                    found.extend(row_of(res["ids"][j]) for j in keep)
                    chunks.append(matrix[keep])
        if not chunks:
            return [], np.zeros((0, 0), dtype=np.float32)
        return found, np.concatenate(chunks)

    def _scan(self, col: Collection, wanted: set[int]) -> tuple[list[int], FloatMatrix]:
        """Every vector of the collection whose unit is wanted, read page by page: for most of a collection,
        one pass is far cheaper than a metadata filter over thousands of row ids."""
        found: list[int] = []
        chunks: list[FloatMatrix] = []
        offset = 0
        while True:
            res = col.get(include=["embeddings"], limit=self._batch, offset=offset)
            ids = res["ids"]
            if not ids:
                break
            offset += len(ids)
            embeddings = res.get("embeddings")
            if embeddings is None:
                continue
            matrix = np.asarray(embeddings, dtype=np.float32).reshape(len(ids), -1)
            keep = [j for j, i in enumerate(ids) if row_of(i) in wanted]
            found.extend(row_of(ids[j]) for j in keep)
            chunks.append(matrix[keep])
        if not chunks:
            return [], np.zeros((0, 0), dtype=np.float32)
        return found, np.concatenate(chunks)

    def count(self, partition: str) -> int:
        with self._errors():
            try:
                return int(self._collection(partition, create=False).count())
            except NotFoundError:
                return 0

    def drop(self) -> None:
        with self._errors():
            for col in self._client.list_collections():
                name = col if isinstance(col, str) else col.name
                if name.startswith(f"{self._prefix}-"):
                    self._client.delete_collection(name)
        self._collections.clear()

    def close(self) -> None:
        self._collections.clear()
