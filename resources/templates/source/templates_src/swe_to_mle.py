"""Source of the built-in `swe-to-mle` roadmap: software engineer to ML engineer.

Facts from seeds 001 (a software engineer learning ML from first principles),
002 (learn by writing code) and 003 (deployment and serving); our own text.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind, Roadmap

from .builder import TemplateBuilder

SKILL, ROLE, CERT = NodeKind.SKILL, NodeKind.ROLE, NodeKind.CERTIFICATION
MILE, PRACTICE = NodeKind.MILESTONE, NodeKind.PRACTICE

S_START = "Starting point"
S_FUND = "Fundamentals"
S_DL = "Deep learning in code"
S_PROD = "Production ML"
S_GOAL = "ML engineer"
S_CONT = "Continuous learning"


def _nodes(b: TemplateBuilder) -> None:
    b.node("start-software-engineer", "Working software engineer", ROLE, S_START, 0,
           "Where this roadmap starts: you already write, test, review and ship production code.",
           why="No hours: mark it done if it describes you.")
    b.node("skill-maths-refresh", "Refresh linear algebra, calculus and probability", SKILL, S_FUND, 60,
           "Matrices, gradients and distributions again, at the depth deep learning needs.",
           ("dl-book", "mit-linear-algebra"))
    b.node("skill-classical-ml", "Classical machine learning", SKILL, S_FUND, 90,
           "Regression, classification, trees, clustering, evaluation and overfitting.",
           ("ml-specialization", "python-ml-book", "google-mlcc"))
    b.node("skill-data-preparation", "Data pre-processing and cleaning", SKILL, S_FUND, 40,
           "Real datasets are messy: missing values, leakage, skew. Learn to look before "
           "modelling.",
           ("kaggle", "kaggle-learn"))
    b.node("skill-nn-first-principles", "Neural networks from first principles", SKILL, S_DL, 40,
           "Neurons, layers, activations, losses, convolution and backpropagation, understood "
           "before using a framework.",
           ("dl-book", "distill"))
    b.node("skill-micrograd", "Build micrograd yourself", SKILL, S_DL, 8,
           "Re-implement a tiny autograd engine; familiar territory for a software engineer.",
           ("micrograd",))
    b.node("skill-zero-to-hero", "Neural Networks: Zero to Hero", SKILL, S_DL, 45,
           "A lecture series that builds models in plain code, up to a small language model.",
           ("zero-to-hero",))
    b.node("cert-deep-learning-specialization", "Certificate: Deep Learning Specialization", CERT, S_DL,
           120,
           "A structured course series if you want a credential next to the code you wrote.",
           ("dl-specialization",),
           optional=True, why="Optional (not on the default route).")
    b.node("skill-build-from-scratch", "Implement algorithms from scratch", SKILL, S_DL, 40,
           "Write optimisers, models and training loops without a framework to test your "
           "understanding.",
           ("ml-fundamentals-list",))
    b.node("skill-pytorch", "PyTorch", SKILL, S_DL, 60,
           "Tensors, modules, data loaders, training loops and checkpoints.",
           ("pytorch",))
    b.node("skill-tensorflow", "TensorFlow", SKILL, S_DL, 30,
           "Enough to read and maintain existing TensorFlow code.",
           ("tensorflow",),
           optional=True, why="Optional: many teams use only one framework.")
    b.node("skill-rust-ml", "Explore Rust ML libraries", SKILL, S_DL, 20,
           "Try Rust-based ML and inference libraries; useful where performance and safety "
           "matter in serving.",
           optional=True, why="Optional exploration.")
    b.node("skill-read-implement-papers", "Read and implement papers", SKILL, S_DL, 60,
           "Reproduce a paper's central result in code; the best way to learn what matters.",
           ("ml-research-list",))
    b.node("skill-project-build", "Build an end-to-end ML project", SKILL, S_PROD, 80,
           "Take one of your own ideas from data to a working application.",
           ("kaggle", "karpathy-10k-hours"))
    b.node("skill-model-apis", "Serve models behind an API", SKILL, S_PROD, 20,
           "A web service around a model: validation, batching, errors and timeouts.",
           ("fastapi-docs",))
    b.node("skill-docker", "Containerise ML applications", SKILL, S_PROD, 15,
           "Images with pinned dependencies and model files, sized sensibly.",
           ("docker-get-started",))
    b.node("skill-cloud-deployment", "Deploy on a cloud platform", SKILL, S_PROD, 30,
           "Run the service on AWS, GCP or Azure with scaling, logs and rollbacks.")
    b.node("skill-scaling-training", "Scale training and research", SKILL, S_PROD, 40,
           "Distributed training, experiment tracking and fast iteration for research.",
           ("pytorch",))
    b.node("skill-scaling-inference", "Scale inference: quantisation and TensorRT", SKILL, S_PROD, 30,
           "Cut latency and cost with lower precision and optimised inference engines.",
           ("tensorrt",))
    b.node("skill-generative-ai", "Generative AI applications", SKILL, S_PROD, 40,
           "How language models power applications, and how to run one locally.",
           ("llama-cpp", "zero-to-hero", "attention-paper"))
    b.node("milestone-model-in-production", "First ML model in production", MILE, S_PROD, 30,
           "A model you trained serves real traffic, with monitoring.",
           ("dmls-book",))
    b.node("role-ml-engineer", "Machine learning engineer", ROLE, S_GOAL, 80,
           "Own models from data to production. The goal of this roadmap.",
           why="Hours: the transition itself (portfolio, applications, interviews).")
    b.node("practice-competitions", "Competitions and hackathons", PRACTICE, S_CONT, 40,
           "Practise on new problems against a clear metric.",
           ("kaggle",), why="Ongoing; about one competition a year.")
    b.node("practice-communities", "Ask and answer in communities", PRACTICE, S_CONT, 20,
           "Discuss research and tools with other practitioners.",
           ("reddit-ml", "stack-overflow"), why="Ongoing; hours are for one year.")
    b.node("practice-blog", "Write about what you learn", PRACTICE, S_CONT, 30,
           "Short posts and notebooks explaining each step of the journey.",
           ("fastpages", "towards-data-science"), why="Ongoing; hours are for one year.")
    b.node("practice-conferences", "Follow conferences", PRACTICE, S_CONT, 30,
           "Watch the talks that matter from research and applied conferences.",
           ("neurips", "odsc"), why="Ongoing; hours are for one year.")


def _edges(b: TemplateBuilder) -> None:
    b.edge("pre", "start-software-engineer", "skill-maths-refresh", "skill-data-preparation")
    b.edge("pre", "skill-maths-refresh", "skill-classical-ml", "skill-nn-first-principles")
    b.chain("pre", "skill-nn-first-principles", "skill-micrograd", "skill-zero-to-hero",
            "skill-build-from-scratch")
    b.edge("pre", "skill-classical-ml", "skill-build-from-scratch")
    b.edge("rel", "cert-deep-learning-specialization", "skill-zero-to-hero")
    b.edge("pre", "skill-nn-first-principles", "cert-deep-learning-specialization")
    b.edge("pre", "skill-build-from-scratch", "skill-pytorch", "skill-read-implement-papers")
    b.edge("pre", "skill-pytorch", "skill-tensorflow", "skill-rust-ml")
    b.edge("pre", "skill-pytorch", "skill-project-build", "skill-model-apis", "skill-scaling-training")
    b.edge("pre", "skill-data-preparation", "skill-project-build")
    b.chain("pre", "skill-model-apis", "skill-docker", "skill-cloud-deployment",
            "milestone-model-in-production")
    b.edge("pre", "skill-project-build", "milestone-model-in-production")
    b.edge("pre", "skill-cloud-deployment", "skill-scaling-inference")
    b.edge("pre", "skill-zero-to-hero", "skill-generative-ai")
    b.edge("pre", "skill-model-apis", "skill-generative-ai")
    for prereq in ("milestone-model-in-production", "skill-scaling-training", "skill-scaling-inference",
                   "skill-generative-ai", "skill-read-implement-papers"):
        b.edge("pre", prereq, "role-ml-engineer")
    b.edge("prog", "start-software-engineer", "role-ml-engineer")
    b.edge("rel", "skill-tensorflow", "role-ml-engineer")
    b.edge("rel", "skill-rust-ml", "skill-scaling-inference")
    b.edge("rel", "practice-competitions", "skill-classical-ml", "skill-project-build")
    b.edge("rel", "practice-communities", "skill-read-implement-papers")
    b.edge("rel", "practice-blog", "skill-build-from-scratch", "role-ml-engineer")
    b.edge("rel", "practice-conferences", "skill-read-implement-papers")


def build() -> Roadmap:
    b = TemplateBuilder(
        id="swe-to-mle",
        title="Software engineer to ML engineer",
        description=(
            "For working software engineers: learn neural networks from first principles by "
            "writing code, then use your engineering strengths on deployment, scaling and "
            "generative AI applications."
        ),
        stages=[S_START, S_FUND, S_DL, S_PROD, S_GOAL, S_CONT],
    )
    _nodes(b)
    _edges(b)
    return b.build(goal="role-ml-engineer")
