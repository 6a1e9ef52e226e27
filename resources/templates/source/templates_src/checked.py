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
SEED = "from the seeds' resource table; not re-checked"
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
    "aws-mla": CITED, "gcp-pmle": CITED, "azure-ai-engineer": CITED,
    "aws-ml-lens": CITED, "azure-waf-ai": CITED,
}
for _key in (
    "ml-test-score", "rules-of-ml", "mlflow-tracking", "mlflow-registry", "fsdl", "cs329s",
    "mlops-overview-paper", "google-mlops-levels", "ml-ops-org", "cd4ml", "continuous-delivery-book",
    "reliable-ml-book", "ml-design-patterns-book", "wandb-docs", "michelangelo", "airflow-docs",
    "kubeflow-pipelines", "triton-docs", "kserve-docs", "failing-loudly", "huyen-monitoring",
    "realtime-ml", "tfx-paper", "k8s-up-and-running", "terraform-tutorials", "iac-book",
    "postgres-tutorial", "ddia", "cmu-15445", "kimball-toolkit", "fundamentals-data-eng", "dbt-docs",
    "data-validation-paper", "lakehouse-paper", "spark-rdd-paper", "mapreduce-paper", "the-log",
    "google-problem-framing", "aws-cost-pillar", "owasp-ml-top10", "owasp-llm-top10", "ico-ai-guidance",
    "dp-book", "scaling-book", "cncf-platforms", "kanban-guide", "xp-explained", "sagemaker-deploy",
    "nemo-guardrails", "spj-great-paper", "tmlr", "arxiv-submit", "hf-llm-course", "sre-book-slo",
    "sre-workbook-canary", "design-docs-google", "eu-ai-act", "gdpr",
):
    CHECKED[_key] = CITED
for _key in (
    "ml-specialization", "ai-micromasters", "dl-nanodegree", "bishop-prml", "dl-book", "python-ml-book",
    "towards-data-science", "distill", "kdnuggets", "neurips", "icml", "odsc", "reddit-ml",
    "stack-overflow", "kaggle", "micrograd", "zero-to-hero", "ml-fundamentals-list", "dl-specialization",
    "fastpages", "tensorrt", "llama-cpp", "pytorch", "tensorflow",
):
    CHECKED[_key] = SEED
for _key in (
    "ml-research-list", "karpathy-10k-hours", "carmack-reading-list", "quarto", "mit-linear-algebra",
    "google-mlcc", "kaggle-learn", "cs231n", "cs224w", "vgae-paper", "attention-paper", "qlora-paper",
    "rag-paper", "helm-paper", "nist-ai-rmf", "prompting-guide", "fastapi-docs", "docker-get-started",
    "dmls-book", "thinking-in-systems",
):
    CHECKED[_key] = EARLIER
