"""Nodes added to the two career-switch roadmaps: MLOps basics for `swe-to-mle`, retrieval,
security and serving cost for `ds-to-llm`, and the optional cloud ML certification in both.

Same ids as the matching nodes of `ml-architect`, so a plan merged across roadmaps lines up;
smaller hours, because these learners bring the surrounding engineering or data skills.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind

from .builder import TemplateBuilder

SKILL, CERT = NodeKind.SKILL, NodeKind.CERTIFICATION

CLOUD_CERT_WHY = ("Optional: a recognised signal of cloud ML skills, and a structured tour of one "
                  "provider's ML services. Shipped work counts for more.")


def _cloud_cert(b: TemplateBuilder, stage: str) -> None:
    b.node("cert-cloud-ml", "Certificate: a cloud ML engineer certification (any one)", CERT, stage, 80,
           "One of AWS Certified Machine Learning Engineer – Associate, Google Cloud Professional "
           "Machine Learning Engineer or Microsoft Azure AI Engineer Associate, on the cloud you use.",
           ("aws-mla", "gcp-pmle", "azure-ai-engineer"),
           optional=True, why=CLOUD_CERT_WHY)
    b.edge("pre", "skill-cloud-deployment", "cert-cloud-ml")


def add_swe_mlops(b: TemplateBuilder) -> None:
    stage = "Production ML"
    b.node("data-sql-pipelines", "SQL and data pipelines for ML", SKILL, stage, 20,
           "Query training data where it lives, and turn one-off extraction scripts into "
           "scheduled, tested pipelines.",
           ("postgres-tutorial", "fundamentals-data-eng"),
           why="Software engineers know databases from the application side; ML work needs the "
           "analytical side, where most model bugs begin.")
    b.node("mlops-principles", "MLOps basics: the ML lifecycle in production", SKILL, stage, 10,
           "Why ML systems accumulate hidden debt, and what changes when code, data and models "
           "all version and deploy together.",
           ("hidden-tech-debt", "rules-of-ml"),
           why="Your release engineering carries over, but data and model drift add failure modes "
           "that ordinary CI/CD does not catch.")
    b.node("mlops-experiment-tracking", "Experiment tracking and model registry", SKILL, stage, 10,
           "Log every run's code, data, parameters and metrics, and promote models through a "
           "registry.",
           ("mlflow-tracking", "mlflow-registry"),
           why="The ML equivalent of version control and release tags; without it no result can be "
           "reproduced.")
    b.node("mlops-versioning", "Data and model versioning", SKILL, stage, 8,
           "Version datasets and model files next to the code and rebuild any past model.",
           ("dvc-docs",),
           why="A model is code plus data; versioning only the code is not enough.")
    b.node("mlops-ci-cd", "CI/CD and tests for ML", SKILL, stage, 15,
           "Pipelines that test data and models as well as code, and release models through "
           "stages.",
           ("cd4ml", "ml-test-score"),
           why="Extends the pipelines you already build with the tests that ML needs.")
    b.node("mlops-monitoring", "Monitoring, drift and retraining", SKILL, stage, 10,
           "Watch inputs, predictions and outcomes in production, and decide when to retrain.",
           ("evidently-docs", "huyen-monitoring"),
           why="Models fail silently as data changes; monitoring is how you find out.")
    _cloud_cert(b, stage)
    b.edge("pre", "start-software-engineer", "data-sql-pipelines")
    b.edge("pre", "data-sql-pipelines", "skill-project-build")
    b.edge("pre", "skill-project-build", "mlops-principles")
    b.edge("pre", "skill-pytorch", "mlops-experiment-tracking")
    b.edge("pre", "mlops-experiment-tracking", "mlops-versioning")
    b.edge("pre", "mlops-principles", "mlops-ci-cd")
    b.edge("pre", "skill-docker", "mlops-ci-cd")
    b.edge("pre", "skill-cloud-deployment", "mlops-monitoring")
    for node in ("mlops-versioning", "mlops-ci-cd"):
        b.edge("pre", node, "milestone-model-in-production")
    b.edge("pre", "mlops-monitoring", "role-ml-engineer")
    b.edge("rel", "cert-cloud-ml", "role-ml-engineer")


def add_ds_llm_platform(b: TemplateBuilder) -> None:
    stage = "LLM lifecycle"
    b.node("mlops-experiment-tracking", "Experiment tracking and model registry", SKILL, stage, 10,
           "Log fine-tuning runs, prompts, data and metrics, and promote models through a registry.",
           ("mlflow-tracking", "mlflow-registry"),
           why="Fine-tuning and prompt changes multiply quickly; tracking keeps them comparable and "
           "reversible.")
    b.node("llm-retrieval-vector-search", "Retrieval architecture and vector search", SKILL, stage, 20,
           "Embeddings, chunking, approximate nearest-neighbour indexes, hybrid search and "
           "re-ranking.",
           ("hnsw-paper", "faiss-wiki", "pgvector", "sbert-docs"),
           why="Retrieval quality bounds answer quality in document Q&A; the index is a data system "
           "to design, not a library call.")
    b.node("llm-security", "Security of LLM applications", SKILL, stage, 15,
           "Prompt injection, sensitive data disclosure, insecure output handling and excessive "
           "agency, and the controls against each.",
           ("owasp-llm-top10", "mitre-atlas"),
           why="An LLM that reads documents and calls tools is an attack surface; governance without "
           "security is incomplete.")
    b.node("llm-serving-cost", "LLM serving at scale and its cost", SKILL, stage, 15,
           "Key-value cache memory, continuous batching, quantisation and routing, and the cost "
           "per request that results.",
           ("vllm-paper",),
           why="Serving cost decides whether an LLM product survives its first month in production.")
    _cloud_cert(b, stage)
    b.edge("pre", "skill-software-engineering", "mlops-experiment-tracking")
    b.edge("pre", "mlops-experiment-tracking", "skill-llm-finetuning")
    b.edge("pre", "skill-rag-document-qa", "llm-retrieval-vector-search")
    b.edge("pre", "llm-retrieval-vector-search", "skill-llm-evaluation")
    b.edge("pre", "skill-llm-governance", "llm-security")
    b.edge("pre", "skill-llm-serving", "llm-serving-cost")
    for node in ("llm-security", "llm-serving-cost"):
        b.edge("pre", node, "skill-reliable-llm-products")
    b.edge("rel", "cert-cloud-ml", "role-llm-engineer")
