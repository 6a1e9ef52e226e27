"""Source of the built-in `ml-architect` roadmap (our text; facts from the seeds).

Hours follow resources/templates/README.md: study hours only for what is studied;
degrees and roles held on the way have calendar lengths (`duration_weeks`), and the
skills learned in them say so (`learned_in`). Entry into the ML roles is an "any of"
choice: the software route (developer, then ML engineer) or the data-science route
(data analyst, junior data scientist, data scientist). Certificates and postgraduate
degrees are optional.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind, Roadmap

from .builder import TemplateBuilder

EDU, SKILL, ROLE = NodeKind.EDUCATION, NodeKind.SKILL, NodeKind.ROLE
CERT, MILE, PRACTICE = NodeKind.CERTIFICATION, NodeKind.MILESTONE, NodeKind.PRACTICE

S_EDU = "Education"
S_POST = "Postgraduate & certifications"
S_ENTRY = "Entry roles"
S_ML = "ML roles"
S_LEAD = "Leadership"
S_ARCH = "ML architect"
S_CONT = "Continuous learning"

YEAR = 52  # weeks


def _education(b: TemplateBuilder) -> None:
    b.node("edu-programming", "Programming: Python, R and Java", EDU, S_EDU, 200,
           "Write real programs in Python first, then enough R for statistics work and Java "
           "for large codebases. Most ML tooling assumes fluent Python.",
           ("stack-overflow",),
           learned_in="edu-bachelors")
    b.node("edu-data-structures-algorithms", "Data structures and algorithms", EDU, S_EDU, 150,
           "Lists, trees, graphs, hashing, sorting and complexity analysis: the vocabulary for "
           "reasoning about whether a pipeline will scale.",
           learned_in="edu-bachelors")
    b.node("edu-statistics-probability", "Statistics and probability", EDU, S_EDU, 120,
           "Distributions, estimation, hypothesis tests and Bayesian reasoning; the basis for "
           "judging whether a model actually works.",
           ("bishop-prml",),
           learned_in="edu-bachelors")
    b.node("edu-linear-algebra-calculus", "Linear algebra and calculus", EDU, S_EDU, 150,
           "Vectors, matrices, decompositions, derivatives and gradients. Deep learning is "
           "mostly matrix multiplication plus the chain rule.",
           ("dl-book", "mit-linear-algebra"),
           learned_in="edu-bachelors")
    b.node("edu-computer-systems", "Fundamentals of computer systems", EDU, S_EDU, 100,
           "Processors, memory, operating systems and networks: why data movement and hardware "
           "limits shape the cost of training and serving.",
           learned_in="edu-bachelors")
    b.node("edu-ml-data-mining", "Machine learning and data mining", EDU, S_EDU, 150,
           "Supervised and unsupervised learning, evaluation, feature engineering and finding "
           "patterns in large datasets.",
           ("ml-specialization", "python-ml-book", "bishop-prml", "google-mlcc"),
           learned_in="edu-bachelors")
    b.node("edu-projects-internships", "Hands-on projects and internships", EDU, S_EDU, 200,
           "Apply the coursework to messy real data, ideally inside a company through an "
           "internship. Practical work is what employers ask about first.",
           ("kaggle", "mlh-fellowship"),
           learned_in="edu-bachelors")
    b.node("edu-bachelors", "Bachelor's degree in CS or a related field", EDU, S_EDU, 0,
           "The usual entry ticket for the whole path. Computer science fits best; statistics, "
           "applied maths and data science degrees work too.",
           duration_weeks=4 * YEAR,
           why="Four years full time (three in many countries). The six subjects and the projects "
           "above are learned in it. Mark it done if you already have a degree.")
    # Neural-network fundamentals, learned by writing code (seeds 001, 002, 003).
    b.node("skill-nn-first-principles", "Neural networks from first principles", SKILL, S_EDU, 40,
           "What a neuron computes, how layers compose, activations and loss functions, "
           "understood before reaching for a framework.",
           ("dl-book", "distill"))
    b.node("skill-convolution", "How convolution works", SKILL, S_EDU, 15,
           "Kernels, strides, padding and pooling, worked through by hand and in code; the "
           "building block of vision models.",
           ("distill", "cs231n"))
    b.node("skill-backpropagation", "Backpropagation, exactly", SKILL, S_EDU, 20,
           "Derive gradients with the chain rule and check them numerically, until automatic "
           "differentiation holds no mystery.",
           ("dl-book",))
    b.node("skill-micrograd", "Build micrograd yourself", SKILL, S_EDU, 8,
           "Re-implement a tiny scalar autograd engine and train a small network with it.",
           ("micrograd",))
    b.node("skill-zero-to-hero", "Neural Networks: Zero to Hero", SKILL, S_EDU, 45,
           "Follow a lecture series that builds models in plain code, from backpropagation up to "
           "a small transformer language model.",
           ("zero-to-hero", "micrograd"))
    b.node("skill-build-from-scratch", "Implement algorithms from scratch", SKILL, S_EDU, 60,
           "Write linear models, trees, optimisers and small networks without a framework, to "
           "shake off assumptions that high-level libraries hide.",
           ("ml-fundamentals-list",))


def _postgraduate(b: TemplateBuilder) -> None:
    b.node("edu-masters", "Master's in CS, ML, AI or data science", EDU, S_POST, 0,
           "Optional depth in complex algorithms and computational methods. Many ML architects "
           "have one; strong industry experience can replace it.",
           duration_weeks=1.5 * YEAR, optional=True,
           why="Optional (not on the default route): one to two years full time.")
    b.node("edu-doctorate", "Doctorate for research and development roles", EDU, S_POST, 0,
           "Rarely required, but valued for specialising further or for senior R&D positions.",
           duration_weeks=4 * YEAR, optional=True,
           why="Optional (not on the default route): about four years full time.")
    b.node("cert-ml-specialization", "Certificate: Machine Learning Specialization", CERT, S_POST, 90,
           "A three-course online certificate covering supervised and unsupervised learning and "
           "practical advice for building models.",
           ("ml-specialization",),
           optional=True, why="Optional: its courses are already counted in machine learning and data "
           "mining; take the certificate only if you want the credential.")
    b.node("cert-deep-learning-specialization", "Certificate: Deep Learning Specialization", CERT, S_POST,
           120,
           "Five courses on neural networks, tuning, structuring projects, convolutional and "
           "sequence models.",
           ("dl-specialization",),
           optional=True, why="Optional (not on the default route): a credential for what the "
           "first-principles nodes teach.")
    b.node("cert-deep-learning-nanodegree", "Certificate: Deep Learning Nanodegree", CERT, S_POST, 120,
           "A project-graded programme in deep learning; an alternative to the Deep Learning "
           "Specialization.",
           ("dl-nanodegree",),
           optional=True, why="Optional: pick this or the Deep Learning Specialization.")
    b.node("cert-ai-micromasters", "Certificate: Artificial Intelligence MicroMasters", CERT, S_POST, 300,
           "A graduate-level series of courses in AI and machine learning; a lighter commitment "
           "than a master's.",
           ("ai-micromasters",),
           optional=True, why="Optional (not on the default route).")


def _entry(b: TemplateBuilder) -> None:
    b.node("role-software-developer", "Software developer", ROLE, S_ENTRY, 0,
           "Ship and maintain production code in a team: reviews, testing, deployment. The "
           "software route into ML engineering.",
           duration_weeks=2 * YEAR,
           why="About two years in the role; the entry skills below are learned in it.")
    b.node("role-data-analyst", "Data analyst", ROLE, S_ENTRY, 0,
           "Turn business questions into queries, dashboards and statistical analyses.",
           duration_weeks=1.5 * YEAR,
           why="The first step of the data-science route, about eighteen months.")
    b.node("role-junior-data-scientist", "Junior data scientist", ROLE, S_ENTRY, 0,
           "Build and evaluate first models under guidance, close to the data and the business.",
           duration_weeks=1.5 * YEAR,
           why="The second step of the data-science route, about eighteen months.")
    b.node("skill-real-world-problems", "Solve real-world problems", SKILL, S_ENTRY, 80,
           "Frame vague requests as measurable problems, work with imperfect data, and accept "
           "the simplest solution that meets the need.",
           ("kaggle",),
           learned_in="role-software-developer")
    b.node("skill-ml-frameworks", "ML frameworks: TensorFlow or PyTorch", SKILL, S_ENTRY, 80,
           "Get fluent in one major framework: tensors, data loaders, training loops, saving "
           "and loading models.",
           ("pytorch", "tensorflow"),
           learned_in="role-software-developer")
    b.node("skill-data-preparation", "Data pre-processing, cleaning and visualisation", SKILL, S_ENTRY, 80,
           "Handle missing values, outliers, leakage and skew, and plot data to spot problems "
           "before a model does.",
           ("python-ml-book", "towards-data-science", "kaggle-learn"),
           learned_in="role-software-developer")
    b.node("skill-cloud-platform", "A cloud platform: AWS, GCP or Azure", SKILL, S_ENTRY, 80,
           "Storage, compute, managed ML services, identity and cost control on one major cloud.",
           learned_in="role-software-developer")


def _ml_roles(b: TemplateBuilder) -> None:
    b.node("role-ml-engineer", "Machine learning engineer", ROLE, S_ML, 0,
           "Own models from data to production: training pipelines, deployment, monitoring.",
           duration_weeks=3 * YEAR,
           why="About three years in the role; production ML, scaling and the first leadership "
           "skills are learned in it.")
    b.node("role-data-scientist", "Data scientist", ROLE, S_ML, 0,
           "Use statistics and ML to answer product and business questions, and prototype models.",
           duration_weeks=2 * YEAR,
           why="The data-science route's ML role, about two years; an alternative to ML engineer "
           "on the way to leading ML work.")
    b.node("skill-model-apis", "Serve models behind an API", SKILL, S_ML, 25,
           "Wrap a model in a web service with input validation, batching and sensible errors, "
           "so the backend and the model work together.",
           ("fastapi-docs",))
    b.node("skill-docker", "Containerise ML applications with Docker", SKILL, S_ML, 20,
           "Package a model, its code and its dependencies into an image that runs the same "
           "everywhere.",
           ("docker-get-started",))
    b.node("skill-cloud-deployment", "Deploy ML services on the cloud", SKILL, S_ML, 30,
           "Run containers on managed cloud services, with scaling, logging and rollbacks.")
    b.node("milestone-first-model-in-production", "First ML model in production", MILE, S_ML, 40,
           "A model you built serves real users, with monitoring in place.")
    b.node("skill-production-ml", "Production ML: scaling training, research and inference", SKILL,
           S_ML, 80,
           "Learn how the three workloads differ: distributed training, fast experiment "
           "turnaround for research, and low-latency, low-cost inference.",
           ("pytorch", "dmls-book"),
           learned_in="role-ml-engineer")
    b.node("skill-scalable-ml-systems", "Design scalable, efficient ML systems", SKILL, S_ML, 150,
           "Data pipelines, feature stores, training and serving infrastructure, and the "
           "trade-offs between latency, cost and accuracy.",
           ("ml-patterns-paper", "dmls-book"),
           learned_in="role-ml-engineer")
    b.node("skill-cv-production", "Computer vision in production", SKILL, S_ML, 60,
           "Object recognition at enterprise scale: cameras, throughput, edge devices and "
           "keeping accuracy up in the field.",
           ("tensorrt", "cs231n"),
           optional=True, why="Optional specialisation.")
    b.node("skill-quantisation-tensorrt", "Quantisation and TensorRT serving", SKILL, S_ML, 25,
           "Reduce precision to cut latency and memory, and compile models into optimised "
           "inference engines.",
           ("tensorrt",))
    b.node("skill-graph-ml", "Graph machine learning", SKILL, S_ML, 60,
           "Learning on nodes, edges and whole graphs: embeddings and graph neural networks.",
           ("cs224w",),
           optional=True, why="Optional specialisation.")
    b.node("skill-graph-vae-recsys", "Graph variational autoencoders for recommendation", SKILL, S_ML, 40,
           "Use generative graph models to predict missing links between users and items.",
           ("vgae-paper",),
           optional=True, why="Optional specialisation; a good research-internship topic.")
    b.node("skill-implement-papers", "Read and implement research papers", SKILL, S_ML, 80,
           "Pick papers that matter, reproduce their key result in code, and learn to tell real "
           "progress from noise.",
           ("ml-research-list", "ml-fundamentals-list", "carmack-reading-list"),
           learned_in="role-ml-engineer")
    b.node("skill-tool-exploration", "Explore tools: PyTorch, TensorFlow and Rust ML libraries", SKILL,
           S_ML, 40,
           "Try the same small task in several stacks, including Rust-based libraries, to know "
           "their strengths before choosing one for a team.",
           ("pytorch", "tensorflow"),
           learned_in="role-ml-engineer")
    b.node("skill-project-builds", "Build your own ML projects", SKILL, S_ML, 120,
           "Carry an idea from data to a working, shareable application; theory only sticks "
           "once it has produced something tangible.",
           ("kaggle", "karpathy-10k-hours"))
    b.node("skill-generative-ai", "Generative AI foundations", SKILL, S_ML, 40,
           "How language and diffusion models generate content, what they are good at, and "
           "where classical ML is still the better choice.",
           ("zero-to-hero", "attention-paper"))
    b.node("skill-llm-finetuning", "Fine-tune an LLM with 4-bit quantisation", SKILL, S_ML, 40,
           "Adapt an open model to a task on modest hardware by training small adapters over "
           "a 4-bit quantised base.",
           ("qlora-paper",))
    b.node("skill-llm-cpp-backend", "Compress an LLM to run on a C++ backend", SKILL, S_ML, 15,
           "Convert and quantise a model so it runs efficiently on CPUs and small machines.",
           ("llama-cpp",))
    b.node("skill-llm-serving", "Serve LLMs", SKILL, S_ML, 30,
           "Expose a model with streaming, batching and rate limits, and keep cost per request "
           "in check.",
           ("llama-cpp",))
    b.node("skill-prompt-engineering", "Prompt engineering", SKILL, S_ML, 20,
           "Design, version and test prompts systematically rather than by trial and error.",
           ("prompting-guide",))
    b.node("skill-rag-document-qa", "Knowledge bases for document Q&A (retrieval)", SKILL, S_ML, 40,
           "Index documents, retrieve relevant passages and give them to the model as context, "
           "so answers are grounded in your own data.",
           ("rag-paper",))
    b.node("skill-llm-evaluation-governance", "LLM evaluation and governance", SKILL, S_ML, 30,
           "Measure quality, safety and drift with test sets and reviews, and put controls "
           "around what the system may do.",
           ("helm-paper", "nist-ai-rmf"))
    b.node("milestone-llm-lifecycle", "An LLM system through its whole lifecycle", MILE, S_ML, 40,
           "Fine-tuned, compressed, served, grounded and evaluated: one reliable LLM product "
           "rather than an overnight demo.")


def _leadership(b: TemplateBuilder) -> None:
    b.node("skill-leading-projects", "Lead significant ML projects", SKILL, S_LEAD, 80,
           "Scope work, plan milestones, manage risk and deliver across teams.",
           learned_in="role-ml-engineer")
    b.node("skill-supervising-team", "Supervise data scientists and engineers", SKILL, S_LEAD, 60,
           "Mentor, review, delegate and give feedback; grow other people's skills.",
           learned_in="role-ml-engineer")
    b.node("role-ml-lead", "ML tech lead", ROLE, S_LEAD, 0,
           "Run bigger projects, or manage the people who build them: the experience that turns "
           "into an architect's judgement.",
           duration_weeks=2 * YEAR,
           why="About two years in the role; communicating with stakeholders and leading a project "
           "end to end are learned in it.")
    b.node("milestone-led-ml-project", "Led an ML project end to end", MILE, S_LEAD, 20,
           "A significant project you led has shipped and you can explain every trade-off in it.",
           learned_in="role-ml-lead")


def _architect(b: TemplateBuilder) -> None:
    b.node("skill-software-design-principles", "Software design principles", SKILL, S_ARCH, 80,
           "Cohesion, coupling, abstraction, interfaces and testability, applied to systems "
           "that contain models.",
           ("fosa-book",),
           learned_in="role-software-developer")
    b.node("skill-software-architecture-practice",
           "Software architecture practice: design patterns, agile, kanban, XP", SKILL, S_ARCH, 80,
           "The professional habits of software teams: reusable patterns, iterative delivery, "
           "flow of work and engineering discipline.",
           ("fosa-book",))
    b.node("skill-ml-design-patterns", "ML architecture and design patterns", SKILL, S_ARCH, 30,
           "Recurring solutions for structuring ML systems, and how architecture practice "
           "translates to machine learning problems.",
           ("ml-patterns-paper",))
    b.node("skill-systems-thinking", "Systems thinking", SKILL, S_ARCH, 40,
           "See the whole: feedback loops between data, models, users and the organisation.",
           ("thinking-in-systems",))
    b.node("skill-stakeholder-communication", "Explain complex ideas to non-technical stakeholders",
           SKILL, S_ARCH, 40,
           "Turn model behaviour, risk and cost into decisions that business leaders can make.",
           learned_in="role-ml-lead")
    b.node("skill-strategic-career-moves", "Strategic career moves", SKILL, S_ARCH, 20,
           "Choose each next job for what it will teach you, ask for the projects that stretch "
           "you, and move on when you stop growing.")
    b.node("milestone-ml-solution-design", "Designed an ML solution end to end", MILE, S_ARCH, 40,
           "An architecture you wrote down, reviewed with stakeholders and saw implemented.")
    b.node("role-ml-architect", "Machine learning architect", ROLE, S_ARCH, 40,
           "Own the shape of an organisation's ML systems: choose the approaches, draw the "
           "boundaries between models and the rest of the software, and keep the build aligned "
           "with what the business needs. The goal of this roadmap.",
           why="Hours: the move itself (portfolio, applications, interviews); the goal is reached "
           "when you start in the role.")


def _continuous(b: TemplateBuilder) -> None:
    b.node("practice-conferences", "Attend conferences and workshops", PRACTICE, S_CONT, 40,
           "Follow the main research and applied conferences, in person or through recorded "
           "talks.",
           ("neurips", "icml", "odsc"),
           why="Ongoing; hours are for one year.")
    b.node("practice-read-papers", "Read research papers regularly", PRACTICE, S_CONT, 50,
           "A steady habit of reading papers and clear explanations of them.",
           ("distill", "ml-research-list", "carmack-reading-list"),
           why="Ongoing; hours are for one year.")
    b.node("practice-hackathons-competitions", "Hackathons and competitions", PRACTICE, S_CONT, 40,
           "Time-boxed challenges to practise on new problems and compare with others.",
           ("kaggle", "mlh-fellowship"),
           why="Ongoing; about one competition a year.")
    b.node("practice-new-tools", "Stay current with algorithms, tools and frameworks", PRACTICE, S_CONT, 30,
           "Track releases and news, and try new tools on small problems.",
           ("kdnuggets", "towards-data-science", "tensorflow"),
           why="Ongoing; hours are for one year.")
    b.node("practice-mentorship", "Find mentors", PRACTICE, S_CONT, 20,
           "Learn from people further along the path, and later mentor others.",
           why="Ongoing.")
    b.node("practice-networking-forums", "Network through forums and communities", PRACTICE, S_CONT, 20,
           "Ask and answer questions, discuss research and meet peers.",
           ("reddit-ml", "stack-overflow"),
           why="Ongoing; hours are for one year.")
    b.node("practice-open-source", "Contribute to open-source projects", PRACTICE, S_CONT, 60,
           "Collaborate remotely in public code bases; a visible record of your work.",
           ("mlh-fellowship",),
           why="Ongoing; hours are for one year.")
    b.node("practice-blog-posts", "Write blog posts", PRACTICE, S_CONT, 40,
           "Explain what you learn in writing, notebooks included; teaching sharpens "
           "understanding and builds a reputation.",
           ("fastpages", "quarto", "towards-data-science"),
           why="Ongoing; roughly a post a month.")
    b.node("practice-talks", "Present at events", PRACTICE, S_CONT, 30,
           "Give talks at meetups and conferences about work you have done.",
           ("odsc",),
           why="Ongoing; one or two talks a year.")
    b.node("practice-online-presence", "Maintain an online presence", PRACTICE, S_CONT, 15,
           "Keep a profile, a portfolio of projects and a place where your writing lives.",
           ("quarto",),
           why="Ongoing.")


def _edges(b: TemplateBuilder) -> None:
    subjects = ("edu-programming", "edu-data-structures-algorithms", "edu-statistics-probability",
                "edu-linear-algebra-calculus", "edu-computer-systems")
    b.edge("pre", "edu-programming", "edu-data-structures-algorithms", "edu-computer-systems")
    for subject in subjects:
        b.edge("pre", subject, "edu-ml-data-mining")
    b.edge("pre", "edu-ml-data-mining", "edu-projects-internships")
    # The subjects and projects are learned in the degree (learned_in), not before it.
    # Fundamentals from first principles.
    b.edge("pre", "edu-linear-algebra-calculus", "skill-nn-first-principles")
    b.edge("pre", "edu-programming", "skill-nn-first-principles")
    b.edge("pre", "skill-nn-first-principles", "skill-convolution", "skill-backpropagation")
    b.chain("pre", "skill-backpropagation", "skill-micrograd", "skill-zero-to-hero")
    b.edge("pre", "skill-zero-to-hero", "skill-build-from-scratch")
    b.edge("pre", "edu-ml-data-mining", "skill-build-from-scratch")
    # Postgraduate and certifications.
    b.chain("pre", "edu-bachelors", "edu-masters", "edu-doctorate")
    b.edge("pre", "edu-ml-data-mining", "cert-ml-specialization", "cert-ai-micromasters")
    b.edge("pre", "skill-convolution", "cert-deep-learning-specialization", "cert-deep-learning-nanodegree")
    b.edge("pre", "skill-zero-to-hero", "cert-deep-learning-specialization")
    b.edge("rel", "cert-deep-learning-nanodegree", "cert-deep-learning-specialization")
    b.edge("rel", "cert-ai-micromasters", "edu-masters")
    b.edge("rel", "edu-masters", "role-ml-engineer")
    b.edge("rel", "edu-doctorate", "skill-implement-papers")
    # Entry roles: the software route (developer) or the data-science ladder (analyst, junior
    # data scientist, data scientist); the ML lead needs one of the two routes' ML roles.
    b.edge("pre", "edu-bachelors", "role-software-developer", "role-data-analyst",
           "role-junior-data-scientist")
    b.edge("pre", "edu-projects-internships", "role-software-developer", "role-data-analyst")
    entry_skills = ("skill-real-world-problems", "skill-ml-frameworks", "skill-data-preparation",
                    "skill-cloud-platform")
    for skill in entry_skills:  # learned in the developer job; studied on the other route
        b.edge("pre", "edu-bachelors", skill)
        b.edge("rel", "role-data-analyst", skill)
        b.edge("rel", "role-junior-data-scientist", skill)
    b.edge("pre", "skill-build-from-scratch", "skill-ml-frameworks")
    # Towards ML roles.
    b.chain("pre", "skill-cloud-platform", "skill-cloud-deployment")
    b.chain("pre", "skill-model-apis", "skill-docker", "skill-cloud-deployment",
            "milestone-first-model-in-production")
    b.edge("pre", "skill-ml-frameworks", "skill-model-apis")
    for prereq in (*entry_skills, "cert-ml-specialization", "cert-deep-learning-specialization",
                   "milestone-first-model-in-production"):
        b.edge("pre", prereq, "role-ml-engineer")
    b.edge("prog", "role-software-developer", "role-ml-engineer")
    b.edge("prog", "role-data-analyst", "role-junior-data-scientist")
    b.edge("prog", "role-junior-data-scientist", "role-data-scientist")
    b.edge("rel", "role-junior-data-scientist", "role-ml-engineer")
    # Inside the ML roles.
    # Learned in the ML engineer job; on the data-science route they are studied after these.
    b.edge("pre", "milestone-first-model-in-production", "skill-production-ml")
    b.edge("pre", "skill-ml-frameworks", "skill-tool-exploration")
    b.edge("pre", "skill-build-from-scratch", "skill-implement-papers")
    b.edge("pre", "skill-production-ml", "skill-scalable-ml-systems", "skill-quantisation-tensorrt")
    b.edge("pre", "skill-convolution", "skill-cv-production")
    b.edge("pre", "skill-quantisation-tensorrt", "skill-cv-production")
    b.edge("rel", "skill-cv-production", "role-ml-engineer")
    b.edge("pre", "skill-nn-first-principles", "skill-graph-ml")
    b.chain("pre", "skill-graph-ml", "skill-graph-vae-recsys")
    b.edge("rel", "skill-graph-vae-recsys", "role-data-scientist")
    b.edge("pre", "skill-ml-frameworks", "skill-project-builds")
    b.edge("pre", "skill-project-builds", "role-ml-engineer")
    b.edge("pre", "skill-zero-to-hero", "skill-generative-ai")
    b.edge("pre", "skill-generative-ai", "skill-llm-finetuning", "skill-prompt-engineering")
    b.chain("pre", "skill-llm-finetuning", "skill-llm-cpp-backend", "skill-llm-serving")
    b.edge("pre", "skill-quantisation-tensorrt", "skill-llm-cpp-backend")
    b.edge("pre", "skill-cloud-deployment", "skill-llm-serving")
    b.edge("pre", "skill-prompt-engineering", "skill-rag-document-qa")
    for prereq in ("skill-llm-serving", "skill-rag-document-qa"):
        b.edge("pre", prereq, "skill-llm-evaluation-governance")
    b.edge("pre", "skill-llm-evaluation-governance", "milestone-llm-lifecycle")
    # Leadership.
    b.edge("pre", "skill-scalable-ml-systems", "skill-leading-projects")
    b.edge("pre", "skill-project-builds", "skill-supervising-team")
    b.edge("pre", "skill-leading-projects", "role-ml-lead")
    b.edge("pre", "skill-supervising-team", "role-ml-lead")
    b.edge("prog", "role-ml-engineer", "role-ml-lead", group="ml-role")
    b.edge("prog", "role-data-scientist", "role-ml-lead", group="ml-role")
    b.edge("pre", "skill-leading-projects", "milestone-led-ml-project")
    # ML architect.
    b.edge("pre", "skill-software-design-principles", "skill-software-architecture-practice")
    b.edge("pre", "edu-bachelors", "skill-software-design-principles")
    b.edge("pre", "skill-software-architecture-practice", "skill-ml-design-patterns")
    b.edge("pre", "skill-scalable-ml-systems", "skill-ml-design-patterns", "skill-systems-thinking")
    b.edge("pre", "skill-leading-projects", "skill-stakeholder-communication")
    for prereq in ("skill-ml-design-patterns", "skill-systems-thinking", "skill-stakeholder-communication",
                   "milestone-llm-lifecycle", "milestone-led-ml-project"):
        b.edge("pre", prereq, "milestone-ml-solution-design")
    for prereq in ("milestone-ml-solution-design", "skill-strategic-career-moves"):
        b.edge("pre", prereq, "role-ml-architect")
    b.edge("prog", "role-ml-lead", "role-ml-architect")
    b.edge("pre", "skill-tool-exploration", "milestone-ml-solution-design")
    b.edge("pre", "skill-implement-papers", "milestone-ml-solution-design")
    b.edge("rel", "edu-doctorate", "role-ml-architect")
    # Practices run alongside; related edges say which stage each one feeds.
    b.edge("rel", "practice-conferences", "skill-implement-papers", "role-ml-architect")
    b.edge("rel", "practice-read-papers", "skill-implement-papers", "skill-build-from-scratch")
    b.edge("rel", "practice-hackathons-competitions", "edu-projects-internships", "skill-project-builds")
    b.edge("rel", "practice-new-tools", "skill-tool-exploration", "skill-ml-frameworks")
    b.edge("rel", "practice-mentorship", "role-software-developer", "skill-supervising-team")
    b.edge("rel", "practice-networking-forums", "skill-strategic-career-moves")
    b.edge("rel", "practice-open-source", "edu-projects-internships", "skill-project-builds")
    b.edge("rel", "practice-blog-posts", "skill-stakeholder-communication", "practice-online-presence")
    b.edge("rel", "practice-talks", "skill-stakeholder-communication", "practice-online-presence")
    b.edge("rel", "practice-online-presence", "skill-strategic-career-moves")


def build() -> Roadmap:
    b = TemplateBuilder(
        id="ml-architect",
        title="Path to machine learning architect",
        description=(
            "From undergraduate foundations through entry and ML roles and technical leadership to "
            "machine learning architect, with the practices that run alongside the whole way. "
            "Two routes lead to ML leadership: software developer then ML engineer, or data "
            "analyst, junior data scientist and data scientist. Pick yours, or let the planner "
            "pick the fastest; degrees and jobs count in calendar time."
        ),
        stages=[S_EDU, S_POST, S_ENTRY, S_ML, S_LEAD, S_ARCH, S_CONT],
    )
    _education(b)
    _postgraduate(b)
    _entry(b)
    _ml_roles(b)
    _leadership(b)
    _architect(b)
    _continuous(b)
    _edges(b)
    return b.build(goal="role-ml-architect")
