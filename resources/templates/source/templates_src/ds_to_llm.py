"""Source of the built-in `ds-to-llm` roadmap: data scientist to LLM engineer.

Facts from seed 003 (the LLM lifecycle: 4-bit fine-tuning, a C++ backend,
serving, prompts, knowledge bases, evaluation and governance) and seed 002;
our own text.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind, Roadmap

from .builder import TemplateBuilder

SKILL, ROLE, CERT = NodeKind.SKILL, NodeKind.ROLE, NodeKind.CERTIFICATION
MILE, PRACTICE = NodeKind.MILESTONE, NodeKind.PRACTICE

S_START = "Starting point"
S_DL = "Deep learning"
S_LLM = "LLM applications"
S_LIFE = "LLM lifecycle"
S_GOAL = "LLM engineer"
S_CONT = "Continuous learning"


def _nodes(b: TemplateBuilder) -> None:
    b.node("start-data-scientist", "Working data scientist", ROLE, S_START, 0,
           "Where this roadmap starts: you model data, evaluate results and explain them.",
           why="No hours: mark it done if it describes you.")
    b.node("skill-nn-fundamentals", "How neurons, convolution and backpropagation work", SKILL, S_DL, 40,
           "The mechanics of deep learning, worked through by hand and in code.",
           ("dl-book", "distill", "cs231n"))
    b.node("cert-deep-learning-specialization", "Certificate: Deep Learning Specialization", CERT, S_DL,
           120,
           "A structured course series through networks, tuning, vision and sequence models.",
           ("dl-specialization",),
           optional=True, why="Optional: a credential next to the code you wrote; not on the default route.")
    b.node("skill-micrograd", "Build micrograd yourself", SKILL, S_DL, 8,
           "A tiny autograd engine, rewritten by you, to make gradients concrete.",
           ("micrograd",))
    b.node("skill-language-models-in-code", "Language models in code: Zero to Hero", SKILL, S_DL, 45,
           "Build character-level models up to a small GPT, one step at a time.",
           ("zero-to-hero",))
    b.node("skill-pytorch", "PyTorch for training and inference", SKILL, S_DL, 40,
           "Tensors, modules, mixed precision and loading pretrained weights.",
           ("pytorch",))
    b.node("skill-software-engineering", "Software engineering for ML code", SKILL, S_DL, 40,
           "Packages, tests, version control and code review, so notebooks become services.",
           ("stack-overflow",))
    b.node("skill-generative-ai", "Generative AI: what LLMs can and cannot do", SKILL, S_LLM, 20,
           "Capabilities, failure modes and costs, and when classical ML remains the better "
           "choice.",
           ("attention-paper",))
    b.node("skill-prompt-engineering", "Prompt engineering", SKILL, S_LLM, 20,
           "Systematic prompt design, versioning and testing.",
           ("prompting-guide",))
    b.node("skill-rag-document-qa", "Knowledge bases for document Q&A (retrieval)", SKILL, S_LLM, 40,
           "Chunk and index documents, retrieve the right passages and ground answers in them.",
           ("rag-paper",))
    b.node("skill-llm-finetuning", "Fine-tune an LLM with 4-bit quantisation", SKILL, S_LIFE, 40,
           "Train small adapters on a quantised base model to fit a task on modest hardware.",
           ("qlora-paper",))
    b.node("skill-quantisation", "Quantisation and optimised inference", SKILL, S_LIFE, 20,
           "Lower precision, smaller memory and faster serving; what accuracy it costs.",
           ("tensorrt",))
    b.node("skill-llm-cpp-backend", "Run an LLM on a C++ backend", SKILL, S_LIFE, 15,
           "Convert and compress a model so it runs efficiently on CPUs.",
           ("llama-cpp",))
    b.node("skill-apis-docker", "APIs and Docker for model services", SKILL, S_LIFE, 25,
           "Wrap models in web services and ship them as containers.",
           ("fastapi-docs", "docker-get-started"))
    b.node("skill-cloud-deployment", "Deploy on a cloud platform", SKILL, S_LIFE, 25,
           "Run model services on AWS, GCP or Azure with scaling and monitoring.")
    b.node("skill-llm-serving", "Serve LLMs", SKILL, S_LIFE, 30,
           "Streaming, batching, caching and rate limits; cost per request under control.")
    b.node("skill-llm-evaluation", "LLM evaluation strategies", SKILL, S_LIFE, 30,
           "Test sets, automatic metrics, model-graded checks and human review.",
           ("helm-paper",))
    b.node("skill-llm-governance", "Governed LLM systems", SKILL, S_LIFE, 20,
           "Guardrails, audit trails, data protection and clear ownership of model behaviour.",
           ("nist-ai-rmf",))
    b.node("skill-reliable-llm-products", "Reliable, long-lived LLM products", SKILL, S_LIFE, 40,
           "Design for reliability and efficiency over months, not for an overnight demo.")
    b.node("milestone-document-qa", "A document Q&A system in production", MILE, S_LIFE, 40,
           "Fine-tuned or prompted, grounded, served and evaluated: the whole lifecycle once.")
    b.node("role-llm-engineer", "LLM engineer", ROLE, S_GOAL, 80,
           "Build and run dependable products on large language models. The goal of this roadmap.",
           why="Hours: the transition itself (portfolio, applications, interviews).")
    b.node("practice-read-papers", "Read research papers", PRACTICE, S_CONT, 50,
           "Follow the LLM literature and reproduce what matters.",
           ("ml-research-list", "ml-fundamentals-list", "carmack-reading-list"),
           why="Ongoing; hours are for one year.")
    b.node("practice-open-source", "Collaborate in open source", PRACTICE, S_CONT, 60,
           "Contribute to the tools you use; remote collaboration is a skill of its own.",
           ("mlh-fellowship",), why="Ongoing; hours are for one year.")
    b.node("practice-hackathons", "Hackathons and competitions", PRACTICE, S_CONT, 40,
           "Time-boxed builds to try new models and tools.",
           ("kaggle",), why="Ongoing; about one event a year.")
    b.node("practice-community", "Stay current through communities and conferences", PRACTICE, S_CONT, 30,
           "The field changes monthly; keep a light, steady habit of following it.",
           ("reddit-ml", "neurips", "icml"), why="Ongoing; hours are for one year.")


def _edges(b: TemplateBuilder) -> None:
    b.edge("pre", "start-data-scientist", "skill-nn-fundamentals", "skill-software-engineering")
    b.chain("pre", "skill-nn-fundamentals", "skill-micrograd", "skill-language-models-in-code")
    b.edge("pre", "skill-nn-fundamentals", "cert-deep-learning-specialization")
    b.edge("rel", "cert-deep-learning-specialization", "skill-language-models-in-code")
    b.edge("pre", "skill-language-models-in-code", "skill-pytorch", "skill-generative-ai")
    b.chain("pre", "skill-generative-ai", "skill-prompt-engineering", "skill-rag-document-qa")
    b.edge("pre", "skill-pytorch", "skill-llm-finetuning", "skill-quantisation")
    b.edge("pre", "skill-quantisation", "skill-llm-finetuning", "skill-llm-cpp-backend")
    b.edge("pre", "skill-llm-finetuning", "skill-llm-cpp-backend")
    b.chain("pre", "skill-software-engineering", "skill-apis-docker", "skill-cloud-deployment",
            "skill-llm-serving")
    b.edge("pre", "skill-llm-cpp-backend", "skill-llm-serving")
    b.edge("pre", "skill-rag-document-qa", "skill-llm-evaluation")
    b.edge("pre", "skill-llm-serving", "skill-llm-evaluation")
    b.chain("pre", "skill-llm-evaluation", "skill-llm-governance", "skill-reliable-llm-products",
            "milestone-document-qa", "role-llm-engineer")
    b.edge("prog", "start-data-scientist", "role-llm-engineer")
    b.edge("rel", "practice-read-papers", "skill-language-models-in-code")
    b.edge("rel", "practice-open-source", "skill-software-engineering")
    b.edge("rel", "practice-hackathons", "skill-rag-document-qa")
    b.edge("rel", "practice-community", "skill-generative-ai")


def build() -> Roadmap:
    b = TemplateBuilder(
        id="ds-to-llm",
        title="Data scientist to LLM engineer",
        description=(
            "For data scientists moving to large language models: deep-learning mechanics in "
            "code, then the whole LLM lifecycle from 4-bit fine-tuning and compression to "
            "serving, retrieval, evaluation and governance."
        ),
        stages=[S_START, S_DL, S_LLM, S_LIFE, S_GOAL, S_CONT],
    )
    _nodes(b)
    _edges(b)
    return b.build(goal="role-llm-engineer")
