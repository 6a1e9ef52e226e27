"""How each catalogue URL was checked (December 2026), for docs/RESOURCES_CHECKED.md.

PAGE: the page itself was found with the search tool (pages or docs corpus) and its title,
authors and edition read. CITED: the exact URL was found, with the same title, in several
public repositories' files (find_string), which shows the address is the one in use.
SEED: taken from the seeds' table (/work/shared/seeds/RESOURCES.md), not re-checked here.
EARLIER: added before this pass with its own check against public copies of the pages.
Anything not listed here is marked "not verified" in the report.
"""

from __future__ import annotations

PAGE = "page found with the search tool (pages/docs corpus); title, authors and edition read"
CITED = "exact URL found cited with this title in public repositories (find_string)"
SEED = "from the seeds' resource table (a site's home page); not re-checked"
NOT_FOUND = ("could not verify: no public file in the index cites this repository, and the index "
             "does not hold it (it may have been renamed or made private)")
EARLIER = "checked in an earlier pass against public copies of the page"

CHECKED: dict[str, str] = {
    # Facts the issue asked to fix: each read on the page itself.
    "ml-patterns-paper": PAGE + " (OpenAlex record of DOI 10.1109/MC.2021.3137227: IEEE Computer, "
                         "March 2022, open access, CC BY)",
    "fosa-book": PAGE + " (O'Reilly page of the 2nd edition, March 2025, ISBN 9781098175504)",
    "mlh-fellowship": PAGE + " (fellowship.mlh.io FAQ: 12 weeks at 40 hours a week)",
    "mlh-prep": CITED + " (fellowship.mlh.io/programs/prep; three weeks per participants' write-ups)",
    "ml-pytorch-sklearn-book": PAGE + " (Packt book page, Raschka, Liu, Mirjalili) and " + CITED,
    "hidden-tech-debt": PAGE + " (NeurIPS proceedings abstract page)",
    "nist-adversarial-ml": PAGE + " (nist.gov publication page of NIST AI 100-2e2025)",
    "gcp-ai-ml-perspective": PAGE + " (Well-Architected Framework pages) and " + CITED,
    "aws-mla": CITED + "; the ML Specialty's retirement on 31 March 2026 read in public exam guides",
    "gcp-pmle": CITED, "azure-ai-engineer": CITED,
    "aws-ml-lens": CITED, "azure-waf-ai": CITED,
    "distill": PAGE + " (distill.pub hiatus announcement of July 2021, 'may be extended "
               "indefinitely'; the about page now says indefinite hiatus)",
    "ml-fundamentals-list": NOT_FOUND, "ml-research-list": NOT_FOUND,
    "iac-book": PAGE + " (O'Reilly page of the 3rd edition and the author's book page, which "
                "says the third edition follows the 2020 second)",
    "team-topologies": PAGE + " (IT Revolution page: second edition, 23 September 2025)",
    "ddia": CITED + "; the O'Reilly page of the second edition (with Chris Riccomini) was also found",
    "dmls-book": PAGE + " (O'Reilly page: Chip Huyen, 2022) and " + CITED,
    "ml-design-patterns-book": PAGE + " (O'Reilly chapter page: Lakshmanan, Robinson, Munn, October 2020) "
                               "and " + CITED,
}
for _key in (
    "ml-test-score", "rules-of-ml", "mlflow-tracking", "mlflow-registry", "fsdl", "cs329s",
    "mlops-overview-paper", "google-mlops-levels", "ml-ops-org", "cd4ml", "continuous-delivery-book",
    "reliable-ml-book", "wandb-docs", "michelangelo", "airflow-docs",
    "kubeflow-pipelines", "triton-docs", "kserve-docs", "failing-loudly", "huyen-monitoring",
    "realtime-ml", "tfx-paper", "k8s-up-and-running", "terraform-tutorials",
    "postgres-tutorial", "cmu-15445", "kimball-toolkit", "fundamentals-data-eng", "dbt-docs",
    "data-validation-paper", "lakehouse-paper", "spark-rdd-paper", "mapreduce-paper", "the-log",
    "google-problem-framing", "aws-cost-pillar", "owasp-ml-top10", "owasp-llm-top10", "ico-ai-guidance",
    "dp-book", "scaling-book", "cncf-platforms", "kanban-guide", "xp-explained", "sagemaker-deploy",
    "nemo-guardrails", "spj-great-paper", "tmlr", "arxiv-submit", "hf-llm-course", "sre-book-slo",
    "sre-workbook-canary", "design-docs-google", "eu-ai-act", "gdpr",
    # second pass
    "model-cards", "datasheets", "quantisation-survey", "lora-paper", "vllm-paper", "hnsw-paper",
    "llm-judge-paper", "ragas-paper", "react-paper", "neurips-reproducibility", "building-effective-agents",
    "llm-patterns", "applied-llms", "applied-ml-list", "lilian-weng-blog", "huyen-blog", "netflix-tech-blog",
    "uber-engineering", "google-research-blog", "meta-engineering", "mlsys-conf", "github-pages", "hf-spaces",
    "show-your-work", "ml-collective", "made-with-ml", "github-actions-docs", "mlops-zoomcamp", "dvc-docs",
    "pro-git", "missing-semester", "feast-docs", "evidently-docs", "k8s-basics", "sqlbolt", "de-zoomcamp",
    "great-expectations", "spark-quickstart", "kafka-intro", "streaming-systems", "pair-guidebook",
    "building-ml-apps", "ai-engineering-book", "sa-hard-parts", "philosophy-software-design", "c4-model",
    "nygard-adr", "adr-org", "mitre-atlas", "fairml-book", "interpretable-ml", "finops-framework",
    "accelerate", "managers-path", "staff-engineers-path", "staffeng",
    "storytelling-with-data", "agile-manifesto", "refactoring-guru-patterns", "aws-skill-builder",
    "gcp-skills-boost", "azure-fundamentals", "cloud-run-docs", "python-tutorial", "r4ds", "dev-java-learn",
    "mit-6006", "clrs", "islp", "openintro-stats", "mml-book", "3b1b-linear-algebra", "3b1b-neural-networks",
    "csapp", "ostep", "sklearn-user-guide", "mmds", "ossu-cs", "omscs", "karpathy-phd-guide",
    "cs231n-backprop", "pytorch-tutorials", "tensorflow-tutorials", "pytorch-ddp", "burn", "candle",
    "pyg-docs", "ultralytics-docs", "peft-docs", "vllm-docs", "faiss-wiki", "pgvector", "sbert-docs",
    "roadmap-sh-mlops",
    # seed and earlier entries with a precise path, re-checked in this pass
    "dl-nanodegree", "ai-micromasters", "ml-specialization", "bishop-prml", "zero-to-hero", "tensorrt",
    "llama-cpp", "fastpages", "mit-linear-algebra", "google-mlcc", "kaggle-learn", "cs231n", "cs224w",
    "vgae-paper", "helm-paper", "nist-ai-rmf", "qlora-paper", "rag-paper", "prompting-guide",
    "docker-get-started", "thinking-in-systems", "carmack-reading-list", "attention-paper",
    "fastapi-docs", "quarto", "karpathy-10k-hours",
):
    CHECKED[_key] = CITED
for _key in (
    "ml-specialization", "ai-micromasters", "dl-nanodegree", "bishop-prml", "dl-book", "python-ml-book",
    "towards-data-science", "distill", "kdnuggets", "neurips", "icml", "odsc", "reddit-ml",
    "stack-overflow", "kaggle", "micrograd", "zero-to-hero", "ml-fundamentals-list", "dl-specialization",
    "fastpages", "tensorrt", "llama-cpp", "pytorch", "tensorflow",
):
    CHECKED.setdefault(_key, SEED)
for _key in (
    "ml-research-list", "karpathy-10k-hours", "carmack-reading-list", "quarto", "mit-linear-algebra",
    "google-mlcc", "kaggle-learn", "cs231n", "cs224w", "vgae-paper", "attention-paper", "qlora-paper",
    "rag-paper", "helm-paper", "nist-ai-rmf", "prompting-guide", "fastapi-docs", "docker-get-started",
    "dmls-book", "thinking-in-systems",
):
    CHECKED.setdefault(_key, EARLIER)
