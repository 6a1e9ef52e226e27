"""Resources for the MLOps and data-platform layer: production ML, pipelines, data systems.

Each entry names the primary source (the book's publisher page, the paper's proceedings,
DOI or arXiv page, the project's own documentation). How each URL was checked is recorded
in checked.py; notes are our own words. Hours are honest planning figures for a working
learner: the chapters or modules that matter for the node, not every page.
"""

from __future__ import annotations

from roadmap_app.model import Cost, ResourceKind

K = ResourceKind
FREE, PAID = Cost.FREE, Cost.PAID


def _r(title: str, kind: ResourceKind, provider: str, url: str, cost: Cost, hours: float,
       notes: str) -> dict:
    return dict(title=title, kind=kind, provider=provider, url=url, cost=cost,
                estimated_hours=hours, notes=notes)


PLATFORM: dict[str, dict] = {
    # --- The classics of production ML ---------------------------------------------------
    "hidden-tech-debt": _r(
        "Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015)", K.PAPER,
        "D. Sculley, Gary Holt, Daniel Golovin and others (Google)",
        "https://proceedings.neurips.cc/paper/2015/hash/86df7dcfd896fcaf2674f757a2463eba-Abstract.html",
        FREE, 3,
        "Why the model is the small box in a large system: entanglement, hidden feedback loops, "
        "undeclared consumers, data dependencies and configuration debt."),
    "ml-test-score": _r(
        "The ML Test Score: A Rubric for ML Production Readiness and Technical Debt Reduction (2017)",
        K.PAPER, "Eric Breck, Shanqing Cai, Eric Nielsen, Michael Salib, D. Sculley (Google)",
        "https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/",
        FREE, 3,
        "28 concrete tests for data, model, infrastructure and monitoring, with a score; a "
        "ready-made checklist for design reviews."),
    "rules-of-ml": _r(
        "Rules of Machine Learning: Best Practices for ML Engineering", K.ARTICLE,
        "Martin Zinkevich; Google for Developers",
        "https://developers.google.com/machine-learning/guides/rules-of-ml",
        FREE, 4,
        "43 rules from shipping ML at Google: start with a simple model and solid pipeline, "
        "measure, then add complexity."),
    "fsdl": _r(
        "Full Stack Deep Learning (2022 course)", K.COURSE,
        "Charles Frye, Sergey Karayev, Josh Tobin and others",
        "https://fullstackdeeplearning.com/course/2022/",
        FREE, 30,
        "Lectures and labs on everything around the model: data, experiment management, "
        "deployment, monitoring, teams and project management."),
    "made-with-ml": _r(
        "Made With ML", K.COURSE, "Goku Mohandas",
        "https://madewithml.com/",
        FREE, 40,
        "Builds one product end to end: design, data, modelling, testing, scripting, "
        "orchestration, serving and CI/CD for ML."),
    "cs329s": _r(
        "CS 329S: Machine Learning Systems Design", K.COURSE, "Chip Huyen; Stanford University",
        "https://stanford-cs329s.github.io/",
        FREE, 30,
        "Slides and notes of the Stanford course behind Designing Machine Learning Systems."),
    "mlops-overview-paper": _r(
        "Machine Learning Operations (MLOps): Overview, Definition, and Architecture (2023)", K.PAPER,
        "Dominik Kreuzberger, Niklas Kühl, Sebastian Hirschl",
        "https://arxiv.org/abs/2205.02302",
        FREE, 4,
        "Principles, components, roles and a reference architecture of MLOps, drawn from a "
        "literature review and interviews."),
    "google-mlops-levels": _r(
        "MLOps: Continuous delivery and automation pipelines in machine learning", K.ARTICLE,
        "Google Cloud Architecture Center",
        "https://cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning",
        FREE, 2,
        "The three MLOps maturity levels (manual, pipeline automation, CI/CD automation); "
        "a common vocabulary for where a team stands."),
    "ml-ops-org": _r(
        "MLOps Principles", K.WEBSITE, "INNOQ (ml-ops.org)",
        "https://ml-ops.org/content/mlops-principles",
        FREE, 3,
        "Iterative-incremental development, automation, versioning, testing, monitoring and "
        "reproducibility, with a maturity model."),
    "cd4ml": _r(
        "Continuous Delivery for Machine Learning", K.ARTICLE,
        "Danilo Sato, Arif Wider, Christoph Windheuser; martinfowler.com",
        "https://martinfowler.com/articles/cd4ml.html",
        FREE, 2,
        "Continuous delivery applied to code, data and models together, with an example "
        "pipeline and the tools at each step."),
    "continuous-delivery-book": _r(
        "Continuous Delivery (2010)", K.BOOK, "Jez Humble, David Farley; Addison-Wesley",
        "https://www.informit.com/store/continuous-delivery-reliable-software-releases-through-9780321601919",
        PAID, 25,
        "The deployment pipeline, automated testing and release practice that CI/CD for ML "
        "builds on."),
    "github-actions-docs": _r(
        "GitHub Actions documentation", K.WEBSITE, "GitHub",
        "https://docs.github.com/en/actions",
        FREE, 6,
        "Workflows that test, build and release on every change; enough to automate a "
        "training and evaluation check."),
    "reliable-ml-book": _r(
        "Reliable Machine Learning (2022)", K.BOOK,
        "Cathy Chen, Niall Richard Murphy, Kranti Parisa, D. Sculley, Todd Underwood; O'Reilly Media",
        "https://www.oreilly.com/library/view/reliable-machine-learning/9781098106218/",
        PAID, 25,
        "Site reliability engineering applied to ML: model lifecycle, monitoring, incident "
        "response and organisational practice."),
    "ml-design-patterns-book": _r(
        "Machine Learning Design Patterns (2020)", K.BOOK,
        "Valliappa Lakshmanan, Sara Robinson, Michael Munn; O'Reilly Media",
        "https://www.oreilly.com/library/view/machine-learning-design/9781098115777/",
        PAID, 30,
        "30 named patterns for data representation, problem framing, training, serving, "
        "reproducibility and responsible AI."),
    "mlops-zoomcamp": _r(
        "MLOps Zoomcamp", K.COURSE, "DataTalks.Club",
        "https://github.com/DataTalksClub/mlops-zoomcamp",
        FREE, 60,
        "A free cohort course with homework: experiment tracking, orchestration, deployment, "
        "monitoring and best practices, on one project."),
    "roadmap-sh-mlops": _r(
        "MLOps Roadmap", K.WEBSITE, "roadmap.sh",
        "https://roadmap.sh/mlops",
        FREE, 2,
        "A community map of MLOps topics; useful to check coverage, not to learn from."),
    # --- Experiment tracking, registry, versioning ------------------------------------------
    "mlflow-tracking": _r(
        "MLflow Tracking", K.WEBSITE, "MLflow project (Linux Foundation)",
        "https://mlflow.org/docs/latest/ml/tracking/",
        FREE, 6,
        "Log parameters, metrics and artefacts of every run and compare them; the usual "
        "open-source starting point."),
    "mlflow-registry": _r(
        "MLflow Model Registry", K.WEBSITE, "MLflow project (Linux Foundation)",
        "https://mlflow.org/docs/latest/ml/model-registry/",
        FREE, 3,
        "Versioned models with aliases, lineage back to the run, and a place for approvals."),
    "wandb-docs": _r(
        "Weights & Biases: Experiments", K.WEBSITE, "Weights & Biases",
        "https://docs.wandb.ai/guides/track/",
        FREE, 4,
        "A hosted alternative for tracking runs, sweeps and artefacts; free for personal use."),
    "dvc-docs": _r(
        "DVC documentation", K.WEBSITE, "DVC project",
        "https://dvc.org/doc",
        FREE, 6,
        "Versions datasets and models next to the Git history, and reproduces pipelines "
        "stage by stage."),
    "pro-git": _r(
        "Pro Git, 2nd edition", K.BOOK, "Scott Chacon, Ben Straub; Apress",
        "https://git-scm.com/book/en/v2",
        FREE, 15,
        "Free to read online. Branching, merging, rebasing and the object model, so that "
        "history is a tool rather than a worry."),
    "missing-semester": _r(
        "The Missing Semester of Your CS Education", K.COURSE,
        "Anish Athalye, Jon Gjengset, Jose Javier Gonzalez Ortiz; MIT CSAIL",
        "https://missing.csail.mit.edu/",
        FREE, 12,
        "Shell, editors, version control, debugging and automation: the tools courses assume."),
    # --- Features, orchestration, serving, monitoring ----------------------------------------
    "feast-docs": _r(
        "Feast documentation", K.WEBSITE, "Feast project",
        "https://docs.feast.dev/",
        FREE, 5,
        "An open-source feature store: one definition of a feature for offline training and "
        "online serving, with point-in-time correct joins."),
    "michelangelo": _r(
        "Meet Michelangelo: Uber's Machine Learning Platform (2017)", K.ARTICLE,
        "Jeremy Hermann, Mike Del Balso; Uber Engineering",
        "https://www.uber.com/blog/michelangelo-machine-learning-platform/",
        FREE, 1,
        "The platform article that made feature stores and shared ML infrastructure widely "
        "known; a worked example of platform thinking."),
    "airflow-docs": _r(
        "Apache Airflow: Core concepts", K.WEBSITE, "Apache Software Foundation",
        "https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/index.html",
        FREE, 8,
        "DAGs, tasks, scheduling, retries and backfills; the most common workflow "
        "orchestrator in data teams."),
    "kubeflow-pipelines": _r(
        "Kubeflow Pipelines", K.WEBSITE, "Kubeflow project (CNCF)",
        "https://www.kubeflow.org/docs/components/pipelines/",
        FREE, 8,
        "Containerised ML workflows on Kubernetes, with tracked runs and reusable components."),
    "triton-docs": _r(
        "NVIDIA Triton Inference Server user guide", K.WEBSITE, "NVIDIA",
        "https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/index.html",
        FREE, 8,
        "Serves models from several frameworks with dynamic batching, concurrent model "
        "execution and metrics."),
    "kserve-docs": _r(
        "KServe documentation", K.WEBSITE, "KServe project",
        "https://kserve.github.io/website/",
        FREE, 6,
        "Standard model serving on Kubernetes: autoscaling, canary rollouts and inference "
        "graphs."),
    "evidently-docs": _r(
        "Evidently documentation", K.WEBSITE, "Evidently AI",
        "https://docs.evidentlyai.com/",
        FREE, 5,
        "Open-source reports and tests for data drift, prediction drift and model quality."),
    "failing-loudly": _r(
        "Failing Loudly: An Empirical Study of Methods for Detecting Dataset Shift (NeurIPS 2019)",
        K.PAPER, "Stephan Rabanser, Stephan Günnemann, Zachary C. Lipton",
        "https://arxiv.org/abs/1810.11953",
        FREE, 4,
        "Compares ways to detect that production data no longer looks like training data; "
        "two-sample tests on reduced representations work well."),
    "huyen-monitoring": _r(
        "Data Distribution Shifts and Monitoring", K.ARTICLE, "Chip Huyen",
        "https://huyenchip.com/2022/02/07/data-distribution-shifts-and-monitoring.html",
        FREE, 2,
        "Kinds of shift, how to detect them, and what to monitor when labels arrive late."),
    "realtime-ml": _r(
        "Real-time machine learning: challenges and solutions", K.ARTICLE, "Chip Huyen",
        "https://huyenchip.com/2022/01/02/real-time-machine-learning-challenges-and-solutions.html",
        FREE, 1,
        "Online prediction and continual learning, and the streaming infrastructure both need."),
    "tfx-paper": _r(
        "TFX: A TensorFlow-Based Production-Scale Machine Learning Platform (KDD 2017)", K.PAPER,
        "Denis Baylor, Eric Breck, Heng-Tze Cheng and others (Google)",
        "https://doi.org/10.1145/3097983.3098021",
        FREE, 3,
        "How Google standardised the pipeline from data validation to serving; the template "
        "for most ML platforms since."),
    # --- Kubernetes and infrastructure as code --------------------------------------------
    "k8s-basics": _r(
        "Learn Kubernetes Basics", K.COURSE, "Kubernetes project (CNCF)",
        "https://kubernetes.io/docs/tutorials/kubernetes-basics/",
        FREE, 6,
        "The official interactive tutorial: deploy, expose, scale and update an application."),
    "k8s-up-and-running": _r(
        "Kubernetes: Up and Running, 3rd edition (2022)", K.BOOK,
        "Brendan Burns, Joe Beda, Kelsey Hightower, Lachlan Evenson; O'Reilly Media",
        "https://www.oreilly.com/library/view/kubernetes-up-and/9781098110192/",
        PAID, 20,
        "Pods, deployments, services, storage and operations explained by the project's founders."),
    "terraform-tutorials": _r(
        "Terraform tutorials", K.COURSE, "HashiCorp",
        "https://developer.hashicorp.com/terraform/tutorials",
        FREE, 10,
        "Declare cloud infrastructure as code, plan and apply changes, and keep state safely."),
    "iac-book": _r(
        "Infrastructure as Code, 3rd edition", K.BOOK, "Kief Morris; O'Reilly Media",
        "https://www.oreilly.com/library/view/infrastructure-as-code/9781098150341/",
        PAID, 20,
        "Patterns for defining, testing and changing infrastructure safely, independent of "
        "any one tool; the third edition adds platform strategy and cost. It follows the 2020 "
        "second edition."),
    # --- Data systems ------------------------------------------------------------------------
    "ddia": _r(
        "Designing Data-Intensive Applications", K.BOOK,
        "Martin Kleppmann (2nd edition with Chris Riccomini); O'Reilly Media",
        "https://dataintensive.net/",
        PAID, 45,
        "Storage engines, replication, partitioning, transactions, batch and stream "
        "processing: the trade-offs behind every data platform. The link is the book's own "
        "site; the 2017 first edition has a second edition updated for cloud systems."),
    "sqlbolt": _r(
        "SQLBolt: interactive SQL lessons", K.COURSE, "SQLBolt",
        "https://sqlbolt.com/",
        FREE, 5,
        "Short exercises in the browser, from SELECT to joins, aggregates and subqueries."),
    "postgres-tutorial": _r(
        "PostgreSQL tutorial (official documentation)", K.WEBSITE, "PostgreSQL Global Development Group",
        "https://www.postgresql.org/docs/current/tutorial.html",
        FREE, 8,
        "SQL on a real database: tables, queries, joins, views, transactions and window functions."),
    "cmu-15445": _r(
        "CMU 15-445/645: Database Systems", K.COURSE, "Andy Pavlo; Carnegie Mellon University",
        "https://15445.courses.cs.cmu.edu/",
        FREE, 60,
        "Recorded lectures on how databases store, index, query and recover data. Optional "
        "depth; hours are for the lectures."),
    "kimball-toolkit": _r(
        "The Data Warehouse Toolkit, 3rd edition (2013)", K.BOOK, "Ralph Kimball, Margy Ross; Wiley",
        "https://www.wiley.com/en-us/The+Data+Warehouse+Toolkit%3A+The+Definitive+Guide+to+Dimensional+Modeling%2C+3rd+Edition-p-9781118530801",
        PAID, 30,
        "Dimensional modelling: facts, dimensions, slowly changing dimensions; still how "
        "analytics tables are designed."),
    "fundamentals-data-eng": _r(
        "Fundamentals of Data Engineering (2022)", K.BOOK, "Joe Reis, Matt Housley; O'Reilly Media",
        "https://www.oreilly.com/library/view/fundamentals-of-data/9781098108298/",
        PAID, 30,
        "The data engineering lifecycle (generation, ingestion, storage, transformation, "
        "serving) and how to choose technologies for it."),
    "de-zoomcamp": _r(
        "Data Engineering Zoomcamp", K.COURSE, "DataTalks.Club",
        "https://github.com/DataTalksClub/data-engineering-zoomcamp",
        FREE, 80,
        "A free course with a project: containers, orchestration, a warehouse, analytics "
        "engineering, batch with Spark and streaming with Kafka."),
    "dbt-docs": _r(
        "What is dbt?", K.WEBSITE, "dbt Labs",
        "https://docs.getdbt.com/docs/introduction",
        FREE, 5,
        "SQL transformations as tested, versioned code inside the warehouse."),
    "great-expectations": _r(
        "Great Expectations documentation", K.WEBSITE, "Great Expectations",
        "https://docs.greatexpectations.io/",
        FREE, 4,
        "Declarative tests on data (expectations) that run in pipelines before a model sees it."),
    "data-validation-paper": _r(
        "Data Validation for Machine Learning (MLSys 2019)", K.PAPER,
        "Eric Breck, Neoklis Polyzotis, Sudip Roy, Steven Euijong Whang, Martin Zinkevich",
        "https://research.google/pubs/data-validation-for-machine-learning/",
        FREE, 3,
        "Schema checks, skew detection and anomaly alerts as Google runs them in production."),
    "lakehouse-paper": _r(
        "Lakehouse: A New Generation of Open Platforms that Unify Data Warehousing and Advanced "
        "Analytics (CIDR 2021)", K.PAPER,
        "Michael Armbrust, Ali Ghodsi, Reynold Xin, Matei Zaharia",
        "https://www.cidrdb.org/cidr2021/papers/cidr2021_paper17.pdf",
        FREE, 2,
        "Why warehouses and lakes converged on open table formats over object storage."),
    "spark-quickstart": _r(
        "Apache Spark: Quick start", K.WEBSITE, "Apache Software Foundation",
        "https://spark.apache.org/docs/latest/quick-start.html",
        FREE, 6,
        "DataFrames and distributed jobs from the interactive shell; then the SQL and "
        "structured streaming guides."),
    "spark-rdd-paper": _r(
        "Resilient Distributed Datasets (NSDI 2012)", K.PAPER,
        "Matei Zaharia, Mosharaf Chowdhury, Tathagata Das and others",
        "https://www.usenix.org/conference/nsdi12/technical-sessions/presentation/zaharia",
        FREE, 3,
        "The fault-tolerant in-memory abstraction behind Spark; explains why it beat MapReduce "
        "for iterative ML."),
    "mapreduce-paper": _r(
        "MapReduce: Simplified Data Processing on Large Clusters (OSDI 2004)", K.PAPER,
        "Jeffrey Dean, Sanjay Ghemawat (Google)",
        "https://research.google/pubs/mapreduce-simplified-data-processing-on-large-clusters/",
        FREE, 2,
        "The paper that started big-data processing on commodity clusters."),
    "kafka-intro": _r(
        "Apache Kafka: Introduction", K.WEBSITE, "Apache Software Foundation",
        "https://kafka.apache.org/intro",
        FREE, 3,
        "Event streaming: topics, partitions, producers, consumers and retention."),
    "the-log": _r(
        "The Log: What every software engineer should know about real-time data's unifying "
        "abstraction (2013)", K.ARTICLE, "Jay Kreps; LinkedIn Engineering",
        "https://engineering.linkedin.com/distributed-systems/log-what-every-software-engineer-should-know-about-real-time-datas-unifying",
        FREE, 2,
        "The append-only log as the backbone of data integration and stream processing."),
    "streaming-systems": _r(
        "Streaming Systems (2018)", K.BOOK,
        "Tyler Akidau, Slava Chernyak, Reuven Lax; O'Reilly Media",
        "https://www.oreilly.com/library/view/streaming-systems/9781491983867/",
        PAID, 25,
        "Event time, windows, watermarks and exactly-once processing, from the authors of the "
        "Dataflow model."),
}
