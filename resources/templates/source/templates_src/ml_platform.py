"""The MLOps and data-platform layer of the `ml-architect` roadmap.

None of the seeds names these topics one by one, yet every ML-architect role description
does: an architect reviews pipelines, registries, feature stores and clusters, so must
have built them once. Most are learned on the job as an ML engineer (learned_in), so they
progress during that role instead of after it. Hours are study effort on top of the job.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind

from .builder import TemplateBuilder

SKILL, MILE = NodeKind.SKILL, NodeKind.MILESTONE

# The stage names of ml_architect.py; builder.node rejects a name that drifts.
S_EDU, S_ENTRY, S_ML = "Education", "Entry roles", "ML roles"
ON_THE_JOB = "role-ml-engineer"


def add_data_platform(b: TemplateBuilder) -> None:
    b.node("skill-git", "Version control with Git", SKILL, S_EDU, 15,
           "Commits, branches, merges, rebases and pull requests, plus the shell around them.",
           ("pro-git", "missing-semester"),
           why="Every pipeline, model config and notebook an architect reviews lives in version "
           "control; reproducibility starts with a clean history.")
    b.node("data-sql", "SQL and relational databases", SKILL, S_EDU, 30,
           "Queries, joins, aggregates, window functions, indexes and transactions on a real "
           "database.",
           ("postgres-tutorial", "sqlbolt", "cmu-15445"),
           why="Most training data starts in a relational database or a warehouse, and SQL is how "
           "ML teams talk to the data teams.")
    b.node("data-modelling", "Data modelling", SKILL, S_ENTRY, 20,
           "Entities and relations, normalisation, and dimensional models (facts, dimensions, "
           "slowly changing dimensions) for analytics.",
           ("kimball-toolkit",),
           why="The shape of the data decides which features are cheap, which are leaky and "
           "which are impossible; an architect reads data models like code.")
    b.node("data-pipelines", "Data pipelines and data engineering", SKILL, S_ENTRY, 30,
           "Ingest, transform and serve data on a schedule: batch jobs, idempotent steps, "
           "backfills, tests on data and transformation code in version control.",
           ("fundamentals-data-eng", "de-zoomcamp", "dbt-docs", "great-expectations"),
           why="Models are only as fresh and correct as the pipelines that feed them; most "
           "production ML incidents start as data incidents.")
    b.node("data-warehouses-lakes", "Warehouses, lakes and lakehouses", SKILL, S_ENTRY, 20,
           "Columnar warehouses, object-store data lakes, open table formats, partitioning "
           "and the cost model of each.",
           ("lakehouse-paper",),
           why="Choosing where training data and features live is one of the first and "
           "longest-lived decisions in an ML platform.")
    b.node("data-big-data-streaming", "Big-data technologies: Spark, Kafka and streaming", SKILL,
           S_ML, 40,
           "Distributed batch processing with Spark, event streams with Kafka, and stream "
           "processing with event time, windows and watermarks.",
           ("spark-quickstart", "spark-rdd-paper", "mapreduce-paper", "kafka-intro", "the-log",
            "streaming-systems"),
           learned_in=ON_THE_JOB,
           why="Needed as soon as data outgrows one machine or predictions must react within "
           "seconds; certificates in big-data technologies are a common way to show it.")
    b.node("data-distributed-systems", "Distributed data systems: replication, partitioning, "
           "consistency", SKILL, S_ML, 35,
           "Storage engines, replication, partitioning, transactions and consistency models, "
           "and the failure modes of each.",
           ("ddia",),
           why="Every ML platform is a distributed data system; its trade-offs (latency, "
           "freshness, cost, correctness) are the architect's daily material.")
    b.edge("pre", "edu-programming", "skill-git", "data-sql")
    b.chain("pre", "data-sql", "data-modelling", "data-warehouses-lakes")
    b.edge("pre", "data-sql", "data-pipelines")
    b.edge("pre", "skill-data-preparation", "data-pipelines")
    b.edge("pre", "data-pipelines", "data-warehouses-lakes", "data-big-data-streaming")
    b.edge("pre", "edu-computer-systems", "data-big-data-streaming")
    b.edge("pre", "data-warehouses-lakes", "data-distributed-systems")
    b.edge("pre", "data-big-data-streaming", "data-distributed-systems")
    b.edge("pre", "data-distributed-systems", "skill-scalable-ml-systems")
    b.edge("rel", "data-sql", "role-data-analyst")
    b.edge("rel", "data-modelling", "role-data-analyst")


def add_mlops(b: TemplateBuilder) -> None:
    b.node("mlops-principles", "MLOps principles and maturity", SKILL, S_ML, 12,
           "Why ML systems accumulate hidden debt, what MLOps automates (training, testing, "
           "deployment, monitoring), and the maturity levels from manual to fully automated.",
           ("hidden-tech-debt", "mlops-overview-paper", "google-mlops-levels", "ml-ops-org"),
           learned_in=ON_THE_JOB,
           why="Gives the vocabulary to judge where a team stands and what to automate next, "
           "which is most of an architect's MLOps advice.")
    b.node("mlops-experiment-tracking", "Experiment tracking and model registry", SKILL, S_ML, 12,
           "Log every run's code version, data, parameters and metrics; promote models through "
           "a registry with versions, aliases and approvals.",
           ("mlflow-tracking", "mlflow-registry", "wandb-docs"),
           learned_in=ON_THE_JOB,
           why="Without lineage from a prediction back to the run, data and code that produced "
           "it, no model can be audited, reproduced or safely rolled back.")
    b.node("mlops-versioning", "Data and model versioning", SKILL, S_ML, 10,
           "Version datasets and model files next to code, and rebuild any past model from its "
           "exact inputs.",
           ("dvc-docs",),
           learned_in=ON_THE_JOB,
           why="Reproducibility and audits (now a legal duty for high-risk systems) depend on "
           "knowing exactly which data trained which model.")
    b.node("mlops-ci-cd", "CI/CD for machine learning", SKILL, S_ML, 25,
           "Automated pipelines that test code, data and models, retrain when needed and "
           "release through stages with approvals.",
           ("cd4ml", "continuous-delivery-book", "github-actions-docs"),
           learned_in=ON_THE_JOB,
           why="Continuous delivery is what turns one successful model into a system that keeps "
           "improving without heroics.")
    b.node("mlops-testing", "Testing ML systems", SKILL, S_ML, 15,
           "Unit tests for features and training code, data validation, model quality gates, "
           "and infrastructure checks before and after release.",
           ("ml-test-score", "data-validation-paper"),
           learned_in=ON_THE_JOB,
           why="A rubric for production readiness is the architect's main tool in design and "
           "launch reviews.")
    b.node("mlops-feature-stores", "Feature stores", SKILL, S_ML, 12,
           "One definition of each feature for training and serving, point-in-time correct "
           "joins, and online and offline stores.",
           ("feast-docs", "realtime-ml"),
           learned_in=ON_THE_JOB,
           why="Training/serving skew is among the commonest silent failures; a feature store is "
           "the architectural answer, and a costly one to adopt.")
    b.node("mlops-orchestration", "Pipeline orchestration", SKILL, S_ML, 20,
           "Workflow engines that schedule, retry and backfill data and training pipelines as "
           "graphs of containerised steps.",
           ("airflow-docs", "kubeflow-pipelines"),
           learned_in=ON_THE_JOB,
           why="Orchestration decides how retraining, backfills and failures are handled across "
           "teams; choosing one is a platform decision.")
    b.node("mlops-serving", "Model serving patterns: batch, online and streaming", SKILL, S_ML, 20,
           "Batch scoring, online inference servers, streaming predictions; dynamic batching, "
           "autoscaling and model composition.",
           ("triton-docs", "kserve-docs"),
           learned_in=ON_THE_JOB,
           why="Picking batch versus online versus streaming prediction sets latency, cost and "
           "freshness for the whole product.")
    b.node("mlops-monitoring", "Monitoring, drift and retraining", SKILL, S_ML, 20,
           "Watch data, predictions and outcomes; detect distribution shift; decide when to "
           "retrain and how to close the feedback loop.",
           ("evidently-docs", "failing-loudly", "huyen-monitoring"),
           learned_in=ON_THE_JOB,
           why="Models degrade silently as the world changes; monitoring is the only way to know, "
           "and the retraining policy is an architectural choice.")
    b.node("mlops-kubernetes", "Kubernetes for ML workloads", SKILL, S_ML, 30,
           "Pods, deployments, services, jobs, autoscaling and GPU scheduling; running training "
           "and serving on a shared cluster.",
           ("k8s-basics", "k8s-up-and-running"),
           learned_in=ON_THE_JOB,
           why="Most ML platforms, managed or not, run on Kubernetes; capacity, isolation and "
           "cost questions end up there.")
    b.node("mlops-iac", "Infrastructure as code", SKILL, S_ML, 15,
           "Declare clusters, storage, networks and permissions in reviewed code, and change "
           "them through plans rather than clicks.",
           ("terraform-tutorials", "iac-book"),
           learned_in=ON_THE_JOB,
           why="Reproducible environments and reviewable infrastructure changes are what make "
           "an architecture real rather than a diagram.")
    b.node("milestone-automated-ml-pipeline", "An automated pipeline from data to monitored model",
           MILE, S_ML, 30,
           "One model retrained, tested, versioned, deployed and monitored by automation, with "
           "a rollback you have tried.",
           ("mlops-zoomcamp",),
           learned_in=ON_THE_JOB,
           why="The concrete proof that you can run ML in production as a system, and the "
           "reference you will draw on in every later design.")
    b.edge("pre", "milestone-first-model-in-production", "mlops-principles")
    b.edge("pre", "skill-ml-frameworks", "mlops-experiment-tracking")
    b.edge("pre", "skill-git", "mlops-versioning", "mlops-ci-cd")
    b.edge("pre", "mlops-experiment-tracking", "mlops-versioning")
    b.edge("pre", "mlops-principles", "mlops-ci-cd", "mlops-testing", "mlops-feature-stores")
    b.edge("pre", "skill-docker", "mlops-ci-cd", "mlops-kubernetes")
    b.edge("pre", "data-pipelines", "mlops-feature-stores", "mlops-orchestration")
    b.edge("pre", "data-warehouses-lakes", "mlops-feature-stores")
    b.edge("pre", "mlops-ci-cd", "mlops-orchestration")
    b.edge("pre", "skill-cloud-deployment", "mlops-serving")
    b.edge("pre", "mlops-serving", "mlops-monitoring")
    b.edge("pre", "skill-cloud-platform", "mlops-iac")
    for step in ("mlops-versioning", "mlops-testing", "mlops-feature-stores", "mlops-orchestration",
                 "mlops-monitoring", "mlops-kubernetes", "mlops-iac"):
        b.edge("pre", step, "milestone-automated-ml-pipeline")
    b.edge("pre", "milestone-automated-ml-pipeline", "skill-scalable-ml-systems")
