"""The architect's own craft in the `ml-architect` roadmap, the cloud ML certification and
the LLM-architecture nodes.

The seeds stop at design principles, systems thinking and communication; ML-architect
role descriptions add framing, trade-offs, written decisions, security, regulation,
responsible AI, cost, reliability and platforms. Those learned while leading ML work
are learned_in the tech-lead role.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind

from .builder import TemplateBuilder

SKILL, CERT = NodeKind.SKILL, NodeKind.CERTIFICATION

# The stage names of ml_architect.py; builder.node rejects a name that drifts.
S_POST, S_ML, S_LEAD, S_ARCH = "Postgraduate & certifications", "ML roles", "Leadership", "ML architect"
AS_LEAD = "role-ml-lead"
SOLUTION = "milestone-ml-solution-design"


def add_architect_craft(b: TemplateBuilder) -> None:
    b.node("arch-problem-framing", "Problem framing and build vs buy", SKILL, S_LEAD, 20,
           "Turn a business goal into a measurable ML problem (or decide ML is the wrong tool), "
           "and weigh building against buying a service or a platform.",
           ("google-problem-framing", "pair-guidebook", "building-ml-apps"),
           learned_in=AS_LEAD,
           why="The costliest architecture mistakes are made before any design: solving the "
           "wrong problem, or building what could have been bought.")
    b.node("arch-ml-system-design", "ML system design trade-offs", SKILL, S_ARCH, 40,
           "Online versus batch, accuracy versus latency and cost, build versus reuse, "
           "centralised versus federated platforms; state the trade-off and its evidence.",
           ("cs329s", "sa-hard-parts"),
           why="An architect is paid for trade-off decisions that hold up over years, not for "
           "knowing the newest tool.")
    b.node("arch-design-docs-adrs", "Design docs and architecture decision records", SKILL, S_ARCH, 10,
           "Write a design doc that others can review, keep short decision records with context "
           "and consequences, and draw the system at the right level.",
           ("design-docs-google", "nygard-adr", "adr-org"),
           why="Decisions that are not written down are re-argued, forgotten or silently "
           "reversed; written ones scale an architect's influence.")
    b.node("arch-ml-security", "Security of ML and LLM systems", SKILL, S_ARCH, 25,
           "Threat-model ML systems: data poisoning, evasion, model theft and inversion, prompt "
           "injection, insecure output handling, supply-chain risks in models and packages.",
           ("owasp-llm-top10", "owasp-ml-top10", "mitre-atlas", "nist-adversarial-ml"),
           why="ML adds attack surfaces that classic security reviews miss, and LLM applications "
           "add more; the architect owns the threat model.")
    b.node("arch-privacy-regulation", "Privacy and regulation: GDPR and the EU AI Act", SKILL,
           S_ARCH, 20,
           "Lawful bases and data minimisation, automated decisions, data protection by design, "
           "the AI Act's risk classes and obligations, and privacy techniques such as "
           "differential privacy.",
           ("gdpr", "eu-ai-act", "ico-ai-guidance", "dp-book"),
           why="Regulation now shapes which data may be used, what must be documented and which "
           "systems need human oversight; it constrains the architecture from the start.")
    b.node("arch-responsible-ai", "Responsible AI: fairness, transparency, accountability", SKILL,
           S_ARCH, 20,
           "Measure performance across groups, explain predictions where it matters, document "
           "models and datasets, and assign ownership of model behaviour.",
           ("fairml-book", "interpretable-ml", "model-cards", "datasheets"),
           why="Harmful or unexplainable behaviour is a product, legal and reputational risk "
           "that design choices prevent far more cheaply than fixes.")
    b.node("arch-cost-capacity", "Cost and GPU capacity planning", SKILL, S_LEAD, 20,
           "Estimate compute, memory and accelerator needs for training and serving, compare "
           "pricing models, and make spending visible to the teams that cause it.",
           ("finops-framework", "scaling-book", "aws-cost-pillar"),
           learned_in=AS_LEAD,
           why="GPU capacity is scarce and expensive; an architecture that ignores unit cost per "
           "prediction does not survive its first budget review.")
    b.node("arch-reliability-rollout", "Reliability and safe rollout: SLOs, canary and shadow",
           SKILL, S_LEAD, 20,
           "Service-level objectives and error budgets for ML services, shadow deployments, "
           "canaries, A/B tests and automatic rollback.",
           ("sre-book-slo", "sre-workbook-canary", "reliable-ml-book"),
           learned_in=AS_LEAD,
           why="A model change is a production change; safe rollout is what lets teams ship "
           "models often without breaking the product.")
    b.node("arch-platform-thinking", "Platform thinking for ML", SKILL, S_ARCH, 20,
           "Treat shared ML infrastructure as a product: paved roads, self-service, clear team "
           "boundaries, and measuring delivery rather than activity.",
           ("cncf-platforms", "michelangelo", "tfx-paper", "team-topologies", "accelerate"),
           why="At organisation scale the architect designs the platform other teams build on, "
           "and the team structure that the platform implies.")
    b.node("arch-well-architected", "Cloud well-architected reviews for ML", SKILL, S_ARCH, 12,
           "Review an ML workload against the cloud providers' ML well-architected guidance: "
           "operations, security, reliability, performance, cost and sustainability.",
           ("aws-ml-lens", "gcp-ai-ml-perspective", "azure-waf-ai"),
           why="These reviews are how cloud ML architectures are checked in practice, and a "
           "shared checklist with the provider's own architects.")
    b.node("cert-cloud-ml", "Certificate: a cloud ML engineer certification (any one)", CERT,
           S_POST, 80,
           "One of AWS Certified Machine Learning Engineer – Associate, Google Cloud Professional "
           "Machine Learning Engineer or Microsoft Azure AI Engineer Associate, on the cloud you "
           "use.",
           ("aws-mla", "gcp-pmle", "azure-ai-engineer"),
           optional=True,
           why="Optional: a recognised signal of cloud ML skills for employers and clients, and a "
           "structured tour of one provider's ML services. Experience counts for more.")
    # Where they sit: framing, cost and reliability are learned leading ML work; the rest
    # are the architect's own study, all feeding the solution-design milestone.
    b.edge("pre", "skill-real-world-problems", "arch-problem-framing")
    b.edge("pre", "skill-scalable-ml-systems", "arch-ml-system-design")
    b.edge("pre", "data-distributed-systems", "arch-ml-system-design")
    b.edge("pre", "arch-problem-framing", "arch-ml-system-design", "arch-privacy-regulation")
    b.edge("pre", "skill-software-architecture-practice", "arch-design-docs-adrs")
    b.edge("pre", "skill-llm-evaluation-governance", "arch-ml-security")
    b.edge("pre", "skill-cloud-deployment", "arch-ml-security")
    b.edge("pre", "arch-privacy-regulation", "arch-responsible-ai")
    b.edge("pre", "edu-statistics-probability", "arch-responsible-ai")
    b.edge("pre", "mlops-kubernetes", "arch-cost-capacity")
    b.edge("pre", "skill-production-ml", "arch-cost-capacity")
    b.edge("pre", "mlops-monitoring", "arch-reliability-rollout")
    b.edge("pre", "milestone-automated-ml-pipeline", "arch-platform-thinking")
    b.edge("pre", "arch-cost-capacity", "arch-platform-thinking", "arch-well-architected")
    b.edge("pre", "arch-reliability-rollout", "arch-well-architected")
    for skill in ("arch-ml-system-design", "arch-design-docs-adrs", "arch-ml-security",
                  "arch-responsible-ai", "arch-platform-thinking", "arch-well-architected"):
        b.edge("pre", skill, SOLUTION)
    b.edge("pre", "skill-cloud-deployment", "cert-cloud-ml")
    b.edge("rel", "cert-cloud-ml", "role-ml-engineer", "arch-well-architected")


def add_llm_architecture(b: TemplateBuilder) -> None:
    b.node("llm-retrieval-vector-search", "Retrieval architecture and vector search", SKILL, S_ML, 25,
           "Embedding models, chunking, approximate nearest-neighbour indexes, hybrid search and "
           "re-ranking; where the index lives and how it is kept fresh.",
           ("hnsw-paper", "faiss-wiki", "pgvector", "sbert-docs"),
           why="Retrieval quality bounds answer quality in most LLM products, and the index is "
           "a data system with its own cost, freshness and access-control design.")
    b.node("llm-eval-guardrails", "LLM evaluation and guardrails in production", SKILL, S_ML, 20,
           "Offline test sets, model-graded and retrieval metrics, online feedback, and input "
           "and output rails that block unsafe or off-policy behaviour.",
           ("llm-judge-paper", "ragas-paper", "nemo-guardrails", "applied-llms"),
           why="Without evaluation an LLM product cannot be changed safely; without guardrails it "
           "cannot be exposed safely.")
    b.node("llm-serving-cost", "LLM serving at scale and its cost", SKILL, S_ML, 20,
           "Key-value cache memory, continuous batching, quantisation, routing between model "
           "sizes, caching and the cost per request that results.",
           ("vllm-paper",),
           why="Serving cost, not training, dominates most LLM budgets; the architecture decides "
           "it.")
    b.node("llm-agents-tools", "LLM applications with tools and agents", SKILL, S_ML, 15,
           "Tool calling, workflows versus autonomous agents, and the failure modes and "
           "controls of each.",
           ("building-effective-agents", "react-paper", "llm-patterns"),
           optional=True,
           why="Optional: increasingly asked of LLM platforms, and the riskiest pattern to "
           "approve without understanding it.")
    b.edge("pre", "skill-rag-document-qa", "llm-retrieval-vector-search")
    b.edge("pre", "skill-llm-evaluation-governance", "llm-eval-guardrails")
    b.edge("pre", "llm-retrieval-vector-search", "llm-eval-guardrails")
    b.edge("pre", "skill-llm-serving", "llm-serving-cost")
    for node in ("llm-retrieval-vector-search", "llm-eval-guardrails", "llm-serving-cost"):
        b.edge("pre", node, "milestone-llm-lifecycle")
    b.edge("pre", "skill-prompt-engineering", "llm-agents-tools")
    b.edge("rel", "llm-agents-tools", "milestone-llm-lifecycle")
