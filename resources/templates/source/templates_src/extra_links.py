"""Links for nodes defined in the template sources, kept apart from the node definitions.

EXTRA_RESOURCES appends catalogue keys to a node; PRECISE_PAGES replaces a key on one node
with a more precise page, or drops it (None) where the same resource already sits on
another node of the same route; OFF_ROUTE_OPTIONAL marks certificates that no route needs
as optional. builder.TemplateBuilder applies all three when it builds.
"""

from __future__ import annotations

EXTRA_RESOURCES: dict[str, dict[str, tuple[str, ...]]] = {
    "ml-architect": {
        "edu-programming": ("python-tutorial", "r4ds", "dev-java-learn"),
        "edu-data-structures-algorithms": ("mit-6006", "clrs"),
        "edu-statistics-probability": ("islp",),
        "edu-linear-algebra-calculus": ("3b1b-linear-algebra",),
        "edu-computer-systems": ("csapp", "ostep"),
        "edu-ml-data-mining": ("sklearn-user-guide", "mmds"),
        "edu-projects-internships": ("mlh-prep",),
        "edu-bachelors": ("ossu-cs",),
        "edu-masters": ("omscs",),
        "edu-doctorate": ("karpathy-phd-guide",),
        "skill-nn-first-principles": ("3b1b-neural-networks",),
        "skill-cloud-platform": ("aws-skill-builder", "gcp-skills-boost", "azure-fundamentals"),
        "skill-cloud-deployment": ("cloud-run-docs", "sagemaker-deploy"),
        "skill-ml-frameworks": ("ml-pytorch-sklearn-book",),
        "skill-tool-exploration": ("burn", "candle"),
        "skill-cv-production": ("ultralytics-docs",),
        "skill-quantisation-tensorrt": ("quantisation-survey",),
        "skill-graph-ml": ("pyg-docs",),
        "skill-llm-finetuning": ("lora-paper", "peft-docs"),
        "milestone-first-model-in-production": ("rules-of-ml",),
        "milestone-llm-lifecycle": ("ai-engineering-book",),
        "skill-ml-design-patterns": ("ml-design-patterns-book",),
        "skill-software-architecture-practice": ("agile-manifesto", "kanban-guide", "xp-explained",
                                                 "refactoring-guru-patterns"),
        "skill-leading-projects": ("staff-engineers-path",),
        "skill-supervising-team": ("managers-path",),
        "milestone-led-ml-project": ("fsdl",),
        "milestone-ml-solution-design": ("c4-model",),
        "skill-stakeholder-communication": ("storytelling-with-data",),
        "skill-strategic-career-moves": ("staffeng",),
        "practice-mentorship": ("ml-collective",),
        "practice-conferences": ("mlsys-conf",),
        "practice-online-presence": ("github-pages", "hf-spaces"),
    },
    "swe-to-mle": {
        "skill-rust-ml": ("burn", "candle"),
        "skill-cloud-deployment": ("cloud-run-docs", "sagemaker-deploy"),
        "skill-scaling-inference": ("quantisation-survey",),
        "practice-blog": ("quarto", "github-pages"),
    },
    "ds-to-llm": {
        "skill-software-engineering": ("pro-git",),
        "skill-cloud-deployment": ("cloud-run-docs", "sagemaker-deploy"),
        "skill-llm-serving": ("vllm-docs",),
        "skill-generative-ai": ("hf-llm-course",),
        "skill-llm-finetuning": ("lora-paper", "peft-docs"),
        "skill-quantisation": ("quantisation-survey",),
        "skill-llm-evaluation": ("llm-judge-paper", "ragas-paper"),
        "skill-llm-governance": ("eu-ai-act",),
        "skill-reliable-llm-products": ("applied-llms", "llm-patterns"),
        "milestone-document-qa": ("ai-engineering-book",),
    },
}

# The Deep Learning Specialization certificate is an extra in the career-switch roadmaps:
# nothing on the way to the goal waits for it.
OFF_ROUTE_OPTIONAL: dict[str, frozenset[str]] = {
    "swe-to-mle": frozenset({"cert-deep-learning-specialization"}),
    "ds-to-llm": frozenset({"cert-deep-learning-specialization"}),
}

PRECISE_PAGES: dict[str, dict[str, dict[str, str | None]]] = {
    "ml-architect": {
        # The framework front pages stay where the tools themselves are compared.
        "skill-ml-frameworks": {"pytorch": "pytorch-tutorials", "tensorflow": "tensorflow-tutorials"},
        "skill-production-ml": {"pytorch": "pytorch-ddp", "dmls-book": None},
        # One home per resource on the route.
        "edu-statistics-probability": {"bishop-prml": "openintro-stats"},
        "edu-linear-algebra-calculus": {"dl-book": "mml-book"},
        "edu-ml-data-mining": {"ml-specialization": None},
        "edu-projects-internships": {"kaggle": None},
        "skill-backpropagation": {"dl-book": "cs231n-backprop"},
        "skill-convolution": {"distill": None},
        "skill-zero-to-hero": {"micrograd": None},
        "skill-data-preparation": {"python-ml-book": None},
        "skill-project-builds": {"kaggle": "made-with-ml"},
        "skill-scalable-ml-systems": {"ml-patterns-paper": None},
        "skill-software-design-principles": {"fosa-book": "philosophy-software-design"},
        "skill-implement-papers": {"ml-fundamentals-list": None},
        "skill-generative-ai": {"zero-to-hero": "hf-llm-course"},
        "skill-llm-serving": {"llama-cpp": "vllm-docs"},
    },
    "swe-to-mle": {
        "skill-maths-refresh": {"dl-book": "mml-book"},
        "skill-project-build": {"kaggle": "made-with-ml"},
        "skill-pytorch": {"pytorch": "pytorch-tutorials"},
        "skill-tensorflow": {"tensorflow": "tensorflow-tutorials"},
        "skill-scaling-training": {"pytorch": "pytorch-ddp"},
        "skill-generative-ai": {"zero-to-hero": "hf-llm-course"},
    },
}
