"""Resources for the architect's own craft: design, security, regulation, responsible AI,
cost, reliability, platforms, leadership, communication, and the cloud ML certifications.

Primary sources first (standards bodies, the law's official text, publishers' pages, the
providers' own exam pages). How each URL was checked is in checked.py; notes are ours.
"""

from __future__ import annotations

from roadmap_app.model import Cost, ResourceKind

K = ResourceKind
FREE, PAID = Cost.FREE, Cost.PAID


def _r(title: str, kind: ResourceKind, provider: str, url: str, cost: Cost, hours: float,
       notes: str) -> dict:
    return dict(title=title, kind=kind, provider=provider, url=url, cost=cost,
                estimated_hours=hours, notes=notes)


ARCHITECT: dict[str, dict] = {
    # --- Problem framing and system design ---------------------------------------------------
    "google-problem-framing": _r(
        "Introduction to Machine Learning Problem Framing", K.COURSE, "Google for Developers",
        "https://developers.google.com/machine-learning/problem-framing",
        FREE, 2,
        "Decide whether ML is the right tool, state the ideal outcome and the success metric "
        "before any model."),
    "pair-guidebook": _r(
        "People + AI Guidebook", K.WEBSITE, "Google PAIR",
        "https://pair.withgoogle.com/guidebook/",
        FREE, 5,
        "User needs, defining success, data collection, explainability and failure, from the "
        "product side of an ML system."),
    "building-ml-apps": _r(
        "Building Machine Learning Powered Applications (2020)", K.BOOK,
        "Emmanuel Ameisen; O'Reilly Media",
        "https://www.oreilly.com/library/view/building-machine-learning/9781492045106/",
        PAID, 20,
        "From product goal to a first model, iteration and deployment; strong on framing and "
        "on when not to use ML."),
    "ai-engineering-book": _r(
        "AI Engineering: Building Applications with Foundation Models (2025)", K.BOOK,
        "Chip Huyen; O'Reilly Media",
        "https://www.oreilly.com/library/view/ai-engineering/9781098166298/",
        PAID, 35,
        "Evaluation, prompting, retrieval, agents, fine-tuning, inference optimisation and "
        "the architecture of applications on foundation models."),
    "sa-hard-parts": _r(
        "Software Architecture: The Hard Parts (2021)", K.BOOK,
        "Neal Ford, Mark Richards, Pramod Sadalage, Zhamak Dehghani; O'Reilly Media",
        "https://www.oreilly.com/library/view/software-architecture-the/9781492086888/",
        PAID, 30,
        "Trade-off analysis for distributed systems: decomposition, data ownership, "
        "contracts and workflows."),
    "philosophy-software-design": _r(
        "A Philosophy of Software Design, 2nd edition (2021)", K.BOOK,
        "John Ousterhout; Yaknyam Press",
        "https://web.stanford.edu/~ouster/cgi-bin/book.php",
        PAID, 10,
        "Deep modules, information hiding and fighting complexity; short and opinionated."),
    "c4-model": _r(
        "The C4 model for visualising software architecture", K.WEBSITE, "Simon Brown",
        "https://c4model.com/",
        FREE, 3,
        "Context, container, component and code diagrams: one consistent way to draw a system."),
    # --- Design docs and ADRs ------------------------------------------------------------------
    "nygard-adr": _r(
        "Documenting Architecture Decisions (2011)", K.ARTICLE, "Michael Nygard; Cognitect",
        "https://www.cognitect.com/blog/2011/11/15/documenting-architecture-decisions",
        FREE, 1,
        "The short post that introduced architecture decision records: context, decision, "
        "status, consequences."),
    "adr-org": _r(
        "Architectural Decision Records (adr.github.io)", K.WEBSITE, "ADR GitHub organisation",
        "https://adr.github.io/",
        FREE, 2,
        "Templates and tools for ADRs, including MADR, and advice on when to write one."),
    "design-docs-google": _r(
        "Design Docs at Google", K.ARTICLE, "Malte Ubl",
        "https://www.industrialempathy.com/posts/design-docs-at-google/",
        FREE, 1,
        "What a design doc contains, how it is reviewed, and when one is not worth writing."),
    # --- Cloud well-architected guides --------------------------------------------------------
    "aws-ml-lens": _r(
        "Machine Learning Lens: AWS Well-Architected Framework", K.WEBSITE, "Amazon Web Services",
        "https://docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/machine-learning-lens.html",
        FREE, 6,
        "Best practices for each phase of the ML lifecycle across the six well-architected pillars."),
    "gcp-ai-ml-perspective": _r(
        "Well-Architected Framework: AI and ML perspective", K.WEBSITE, "Google Cloud",
        "https://docs.cloud.google.com/architecture/framework/perspectives/ai-ml",
        FREE, 5,
        "Operational excellence, security, reliability, cost and performance for AI and ML "
        "workloads on Google Cloud."),
    "azure-waf-ai": _r(
        "AI workloads on Azure (Well-Architected Framework)", K.WEBSITE, "Microsoft",
        "https://learn.microsoft.com/en-us/azure/well-architected/ai/",
        FREE, 5,
        "Design principles, application and data design, operations and testing for AI "
        "workloads on Azure."),
    "aws-cost-pillar": _r(
        "Cost Optimization Pillar: AWS Well-Architected Framework", K.WEBSITE, "Amazon Web Services",
        "https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/welcome.html",
        FREE, 4,
        "Cloud financial management, expenditure awareness, right-sizing and matching supply "
        "to demand."),
    # --- Security of ML and LLM systems --------------------------------------------------------
    "owasp-llm-top10": _r(
        "OWASP Top 10 for LLM Applications", K.WEBSITE, "OWASP GenAI Security Project",
        "https://genai.owasp.org/llm-top-10/",
        FREE, 3,
        "Prompt injection, sensitive information disclosure, supply chain, excessive agency "
        "and the other main risks of LLM applications."),
    "owasp-ml-top10": _r(
        "OWASP Machine Learning Security Top Ten", K.WEBSITE, "OWASP Foundation",
        "https://owasp.org/www-project-machine-learning-security-top-10/",
        FREE, 2,
        "Input manipulation, data poisoning, model inversion, model theft and other attacks "
        "on classical ML."),
    "mitre-atlas": _r(
        "MITRE ATLAS", K.WEBSITE, "MITRE",
        "https://atlas.mitre.org/",
        FREE, 3,
        "A knowledge base of adversary tactics and techniques against AI systems, with case "
        "studies; useful for threat modelling."),
    "nist-adversarial-ml": _r(
        "Adversarial Machine Learning: A Taxonomy and Terminology of Attacks and Mitigations "
        "(NIST AI 100-2e2025)", K.PAPER,
        "Apostol Vassilev, Alina Oprea, Alie Fordyce, Hyrum Anderson, Xander Davies, Maia Hamin; NIST",
        "https://www.nist.gov/publications/adversarial-machine-learning-taxonomy-and-terminology-attacks-and-mitigations-0",
        FREE, 6,
        "The standard vocabulary for evasion, poisoning, privacy and misuse attacks on "
        "predictive and generative AI."),
    # --- Privacy and regulation ---------------------------------------------------------------
    "gdpr": _r(
        "General Data Protection Regulation (Regulation (EU) 2016/679)", K.WEBSITE,
        "European Union (EUR-Lex, official text)",
        "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        FREE, 6,
        "The official text. Read the principles (art. 5), lawful bases (art. 6), automated "
        "decisions (art. 22) and data protection by design (art. 25)."),
    "eu-ai-act": _r(
        "Artificial Intelligence Act (Regulation (EU) 2024/1689)", K.WEBSITE,
        "European Union (EUR-Lex, official text)",
        "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        FREE, 8,
        "The official text: prohibited practices, high-risk systems and their obligations, "
        "transparency duties and general-purpose AI models, applied in stages from 2025."),
    "ico-ai-guidance": _r(
        "Guidance on AI and data protection", K.WEBSITE, "UK Information Commissioner's Office",
        "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/artificial-intelligence/guidance-on-ai-and-data-protection/",
        FREE, 4,
        "A regulator's practical reading of data protection law for AI: accountability, "
        "fairness, transparency, security and individual rights."),
    "dp-book": _r(
        "The Algorithmic Foundations of Differential Privacy (2014)", K.BOOK,
        "Cynthia Dwork, Aaron Roth; Now Publishers",
        "https://www.cis.upenn.edu/~aaroth/privacybook.html",
        FREE, 20,
        "Free PDF from the author. The formal definition of privacy behind private training "
        "and statistics; read the first chapters."),
    # --- Responsible AI --------------------------------------------------------------------------
    "fairml-book": _r(
        "Fairness and Machine Learning: Limitations and Opportunities", K.BOOK,
        "Solon Barocas, Moritz Hardt, Arvind Narayanan; MIT Press",
        "https://fairmlbook.org/",
        FREE, 20,
        "Free online. What fairness criteria can and cannot guarantee, and where bias enters "
        "a system."),
    "interpretable-ml": _r(
        "Interpretable Machine Learning", K.BOOK, "Christoph Molnar",
        "https://christophm.github.io/interpretable-ml-book/",
        FREE, 15,
        "Free online. Interpretable models and model-agnostic explanations (permutation "
        "importance, SHAP, counterfactuals), with their limits."),
    "model-cards": _r(
        "Model Cards for Model Reporting (FAT* 2019)", K.PAPER,
        "Margaret Mitchell, Simone Wu, Andrew Zaldivar and others",
        "https://arxiv.org/abs/1810.03993",
        FREE, 2,
        "A short structured document shipped with each model: intended use, evaluation across "
        "groups, limitations."),
    "datasheets": _r(
        "Datasheets for Datasets (2018, CACM 2021)", K.PAPER,
        "Timnit Gebru, Jamie Morgenstern, Briana Vecchione and others",
        "https://arxiv.org/abs/1803.09010",
        FREE, 2,
        "Questions every dataset should answer about motivation, composition, collection and "
        "recommended uses."),
    # --- Cost, capacity, reliability ----------------------------------------------------------
    "finops-framework": _r(
        "FinOps Framework", K.WEBSITE, "FinOps Foundation (Linux Foundation)",
        "https://www.finops.org/framework/",
        FREE, 4,
        "Principles, phases and capabilities for making cloud spending visible and owned by "
        "the teams that cause it."),
    "scaling-book": _r(
        "How to Scale Your Model (2025)", K.BOOK, "Jacob Austin and others; Google DeepMind",
        "https://jax-ml.github.io/scaling-book/",
        FREE, 20,
        "Free online. Rooflines, parallelism and memory arithmetic for training and serving "
        "large models on accelerators: the maths of GPU and TPU capacity."),
    "sre-book-slo": _r(
        "Site Reliability Engineering, chapter 4: Service Level Objectives", K.BOOK,
        "Betsy Beyer, Chris Jones, Jennifer Petoff, Niall Richard Murphy (eds.); Google / O'Reilly",
        "https://sre.google/sre-book/service-level-objectives/",
        FREE, 2,
        "Free online. Indicators, objectives and agreements, and how error budgets balance "
        "reliability against change."),
    "sre-workbook-canary": _r(
        "The Site Reliability Workbook, chapter 16: Canarying Releases", K.BOOK,
        "Betsy Beyer, Niall Richard Murphy, David K. Rensin, Kent Kawahara, Stephen Thorne (eds.); "
        "Google / O'Reilly",
        "https://sre.google/workbook/canarying-releases/",
        FREE, 2,
        "Free online. Release to a small share of traffic, compare against a control, roll "
        "back on evidence; the same idea as shadow and canary model rollouts."),
    # --- Platforms and organisations ----------------------------------------------------------
    "cncf-platforms": _r(
        "CNCF Platforms White Paper", K.ARTICLE, "CNCF TAG App Delivery",
        "https://tag-app-delivery.cncf.io/whitepapers/platforms/",
        FREE, 2,
        "What an internal platform is, what capabilities it offers, and how to treat it as "
        "a product for its users."),
    "team-topologies": _r(
        "Team Topologies, 2nd edition (2025)", K.BOOK,
        "Matthew Skelton, Manuel Pais; IT Revolution",
        "https://itrevolution.com/product/team-topologies-second-edition",
        PAID, 12,
        "Stream-aligned, platform, enabling and complicated-subsystem teams, and how their "
        "interactions shape the architecture."),
    "accelerate": _r(
        "Accelerate (2018)", K.BOOK, "Nicole Forsgren, Jez Humble, Gene Kim; IT Revolution",
        "https://itrevolution.com/product/accelerate/",
        PAID, 8,
        "The research behind the four delivery metrics and the practices that improve them."),
    # --- Leadership, communication, career ------------------------------------------------------
    "managers-path": _r(
        "The Manager's Path (2017)", K.BOOK, "Camille Fournier; O'Reilly Media",
        "https://www.oreilly.com/library/view/the-managers-path/9781491973882/",
        PAID, 10,
        "From mentoring and tech lead to managing teams: what changes at each step."),
    "staff-engineers-path": _r(
        "The Staff Engineer's Path (2022)", K.BOOK, "Tanya Reilly; O'Reilly Media",
        "https://www.oreilly.com/library/view/the-staff-engineers/9781098118723/",
        PAID, 12,
        "Big-picture thinking, executing on projects and levelling up others without "
        "managing them; close to the architect's daily work."),
    "staffeng": _r(
        "StaffEng", K.WEBSITE, "Will Larson",
        "https://staffeng.com/",
        FREE, 5,
        "Stories and guides from staff-plus engineers: archetypes, writing strategy, getting "
        "the title, and operating at that level."),
    "storytelling-with-data": _r(
        "Storytelling with Data (2015)", K.BOOK, "Cole Nussbaumer Knaflic; Wiley",
        "https://www.storytellingwithdata.com/books",
        PAID, 8,
        "Choose the right chart, remove clutter and build a narrative a decision-maker can follow."),
    "agile-manifesto": _r(
        "Manifesto for Agile Software Development (2001)", K.WEBSITE, "Kent Beck, Mike Beedle and others",
        "https://agilemanifesto.org/",
        FREE, 1,
        "Four values and twelve principles; short, and still the reference point."),
    "kanban-guide": _r(
        "The Kanban Guide", K.WEBSITE, "Kanban Guides (Daniel Vacanti, John Coleman)",
        "https://kanbanguides.org/english/",
        FREE, 1,
        "Visualise work, limit work in progress and manage flow; a few pages."),
    "xp-explained": _r(
        "Extreme Programming Explained, 2nd edition (2004)", K.BOOK,
        "Kent Beck, Cynthia Andres; Addison-Wesley",
        "https://www.informit.com/store/extreme-programming-explained-embrace-change-9780321278654",
        PAID, 8,
        "Values and practices of XP: pairing, test-first, continuous integration, small releases."),
    "refactoring-guru-patterns": _r(
        "Design Patterns catalogue", K.WEBSITE, "Refactoring.Guru (Alexander Shvets)",
        "https://refactoring.guru/design-patterns",
        FREE, 10,
        "The classic object-oriented patterns explained with diagrams and code in several "
        "languages."),
    # --- Cloud ML certifications (any one of them) ----------------------------------------------
    "aws-mla": _r(
        "AWS Certified Machine Learning Engineer – Associate (MLA-C01)", K.CERTIFICATION,
        "Amazon Web Services",
        "https://aws.amazon.com/certification/certified-machine-learning-engineer-associate/",
        PAID, 80,
        "The current AWS ML certification: data preparation, model development, deployment and "
        "monitoring on SageMaker. It replaces the Machine Learning – Specialty exam, which AWS "
        "retired on 31 March 2026. Hours include preparation."),
    "gcp-pmle": _r(
        "Google Cloud Professional Machine Learning Engineer", K.CERTIFICATION, "Google Cloud",
        "https://cloud.google.com/learn/certification/machine-learning-engineer",
        PAID, 80,
        "Framing, architecting, data pipelines, model development, MLOps and monitoring on "
        "Vertex AI. Hours include preparation."),
    "azure-ai-engineer": _r(
        "Microsoft Certified: Azure AI Engineer Associate (AI-102)", K.CERTIFICATION, "Microsoft",
        "https://learn.microsoft.com/en-us/credentials/certifications/azure-ai-engineer/",
        PAID, 70,
        "Designing and building AI solutions with Azure AI services, including generative AI "
        "and retrieval. Hours include preparation."),
}

# Cloud fundamentals and deployment, for the entry-level cloud nodes.
ARCHITECT.update({
    "aws-skill-builder": _r(
        "AWS Skill Builder", K.COURSE, "Amazon Web Services",
        "https://skillbuilder.aws/",
        FREE, 20,
        "AWS's own training, free tier included: Cloud Practitioner essentials, then the "
        "machine learning learning plans."),
    "gcp-skills-boost": _r(
        "Google Cloud Skills Boost", K.COURSE, "Google Cloud",
        "https://www.cloudskillsboost.google/",
        FREE, 20,
        "Google Cloud's training with hands-on labs in temporary projects; some labs need credits."),
    "azure-fundamentals": _r(
        "Microsoft Certified: Azure Fundamentals (AZ-900)", K.CERTIFICATION, "Microsoft",
        "https://learn.microsoft.com/en-us/credentials/certifications/azure-fundamentals/",
        FREE, 15,
        "The free Microsoft Learn path covers cloud concepts, core services, identity and cost; "
        "the exam itself is paid and optional."),
    "cloud-run-docs": _r(
        "Cloud Run documentation", K.WEBSITE, "Google Cloud",
        "https://cloud.google.com/run/docs",
        FREE, 6,
        "Deploy a container as an autoscaling HTTPS service; the shortest path from a Docker "
        "image to a running model API."),
    "sagemaker-deploy": _r(
        "Deploy models for inference (Amazon SageMaker AI)", K.WEBSITE, "Amazon Web Services",
        "https://docs.aws.amazon.com/sagemaker/latest/dg/deploy-model.html",
        FREE, 6,
        "Real-time, serverless, asynchronous and batch inference options, and how to choose."),
})
