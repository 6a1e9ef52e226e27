"""The resource catalogue, once each: first the resources the seeds name, then a few more.

The first part follows /work/shared/seeds/RESOURCES.md (titles, kinds, providers, costs,
URLs and hours). The last part adds well-known resources that fit topics the seeds name
but that the seeds give no link for. Notes are our own words. "ongoing" hours become a
small first-year figure, said in the notes.

The resources added for the MLOps, data-platform and architect layers live in
catalogue_platform.py, catalogue_architect.py and catalogue_learning.py and are merged in
at the bottom; checked.py records how every URL was verified.
"""

from __future__ import annotations

from roadmap_app.model import Cost, ResourceKind

from .catalogue_architect import ARCHITECT
from .catalogue_learning import LEARNING
from .catalogue_platform import PLATFORM

K = ResourceKind
FREE, PAID = Cost.FREE, Cost.PAID

# key -> fields of a Resource (without id)
CATALOGUE: dict[str, dict] = {
    "ml-specialization": dict(
        title="Machine Learning Specialization (3 courses)",
        kind=K.COURSE,
        provider="Andrew Ng; DeepLearning.AI and Stanford Online, on Coursera",
        url="https://www.coursera.org/specializations/machine-learning-introduction",
        cost=PAID, estimated_hours=90,
        notes="Paid certificate; the course videos can be audited for free.",
    ),
    "ai-micromasters": dict(
        title="Artificial Intelligence MicroMasters",
        kind=K.COURSE,
        provider="Columbia University (ColumbiaX), on edX",
        url="https://www.edx.org/masters/micromasters/columbiax-artificial-intelligence",
        cost=PAID, estimated_hours=300,
        notes="A graduate-level series of Columbia courses; the biggest of the three certifications.",
    ),
    "dl-nanodegree": dict(
        title="Deep Learning Nanodegree",
        kind=K.COURSE,
        provider="Udacity",
        url="https://www.udacity.com/course/deep-learning-nanodegree--nd101",
        cost=PAID, estimated_hours=120,
        notes="Project-based; reviewers grade the projects.",
    ),
    "bishop-prml": dict(
        title="Pattern Recognition and Machine Learning (2006)",
        kind=K.BOOK,
        provider="Christopher M. Bishop; Springer",
        url="https://www.microsoft.com/en-us/research/publication/pattern-recognition-machine-learning/",
        cost=FREE, estimated_hours=150,
        notes="The author's page offers a free PDF. Mathematical; read a chapter at a time.",
    ),
    "dl-book": dict(
        title="Deep Learning (2016)",
        kind=K.BOOK,
        provider="Ian Goodfellow, Yoshua Bengio, Aaron Courville; MIT Press",
        url="https://www.deeplearningbook.org/",
        cost=FREE, estimated_hours=150,
        notes="Free to read online. Part I doubles as a maths refresher.",
    ),
    "python-ml-book": dict(
        title="Python Machine Learning, 3rd edition (2019)",
        kind=K.BOOK,
        provider="Sebastian Raschka, Vahid Mirjalili; Packt",
        url="https://sebastianraschka.com/books/",
        cost=PAID, estimated_hours=80,
        notes="Hands-on, code first, with scikit-learn and TensorFlow 2; good after a first "
        "statistics course. Its successor is Machine Learning with PyTorch and Scikit-Learn (2022).",
    ),
    "towards-data-science": dict(
        title="Towards Data Science",
        kind=K.WEBSITE,
        provider="Towards Data Science (independent publication, formerly on Medium)",
        url="https://towardsdatascience.com/",
        cost=FREE, estimated_hours=20,
        notes="Ongoing reading; 20 hours is a first-year allowance.",
    ),
    "distill": dict(
        title="Distill",
        kind=K.WEBSITE,
        provider="Distill editorial team",
        url="https://distill.pub/",
        cost=FREE, estimated_hours=20,
        notes="A journal of clear, interactive ML explanations, on an indefinite hiatus since "
        "July 2021: no new articles, but the published ones stay online and remain excellent.",
    ),
    "kdnuggets": dict(
        title="KDnuggets",
        kind=K.WEBSITE,
        provider="KDnuggets (founded by Gregory Piatetsky-Shapiro)",
        url="https://www.kdnuggets.com/",
        cost=FREE, estimated_hours=10,
        notes="Ongoing reading; 10 hours is a first-year allowance.",
    ),
    "neurips": dict(
        title="NeurIPS",
        kind=K.CONFERENCE,
        provider="NeurIPS Foundation",
        url="https://neurips.cc/",
        cost=PAID, estimated_hours=30,
        notes="The Conference on Neural Information Processing Systems. About 30 hours a year; "
        "many talks are online after the event.",
    ),
    "icml": dict(
        title="ICML",
        kind=K.CONFERENCE,
        provider="International Machine Learning Society (IMLS)",
        url="https://icml.cc/",
        cost=PAID, estimated_hours=30,
        notes="The International Conference on Machine Learning. About 30 hours a year.",
    ),
    "odsc": dict(
        title="ODSC",
        kind=K.CONFERENCE,
        provider="ODSC (Open Data Science)",
        url="https://odsc.com/",
        cost=PAID, estimated_hours=16,
        notes="The Open Data Science Conference. About 16 hours a year; applied rather than "
        "research talks.",
    ),
    "reddit-ml": dict(
        title="r/MachineLearning",
        kind=K.COMMUNITY,
        provider="Reddit",
        url="https://www.reddit.com/r/MachineLearning/",
        cost=FREE, estimated_hours=10,
        notes="Ongoing; 10 hours is a first-year allowance.",
    ),
    "stack-overflow": dict(
        title="Stack Overflow",
        kind=K.COMMUNITY,
        provider="Stack Exchange",
        url="https://stackoverflow.com/",
        cost=FREE, estimated_hours=10,
        notes="Ongoing; answering questions is good practice too.",
    ),
    "kaggle": dict(
        title="Kaggle",
        kind=K.COMMUNITY,
        provider="Kaggle (Google)",
        url="https://www.kaggle.com/",
        cost=FREE, estimated_hours=40,
        notes="Competitions, datasets and notebooks. About 40 hours per competition.",
    ),
    "micrograd": dict(
        title="micrograd",
        kind=K.PROJECT,
        provider="Andrej Karpathy",
        url="https://github.com/karpathy/micrograd",
        cost=FREE, estimated_hours=6,
        notes="A tiny autograd engine; rewrite it yourself rather than only reading it.",
    ),
    "zero-to-hero": dict(
        title="Neural Networks: Zero to Hero",
        kind=K.COURSE,
        provider="Andrej Karpathy",
        url="https://karpathy.ai/zero-to-hero.html",
        cost=FREE, estimated_hours=40,
        notes="Video lectures that build everything in code, from backpropagation to a small GPT.",
    ),
    "ml-fundamentals-list": dict(
        title="ML-Fundamentals / ML-Research reading lists",
        kind=K.WEBSITE,
        provider="Hussein Lezzaik",
        url="https://github.com/HusseinLezzaik/ML-Fundamentals",
        cost=FREE, estimated_hours=10,
        notes="Curated links; ongoing, 10 hours is a first pass. The companion list is ML-Research.",
    ),
    "ml-research-list": dict(
        title="ML-Research reading list",
        kind=K.WEBSITE,
        provider="Hussein Lezzaik",
        url="https://github.com/HusseinLezzaik/ML-Research",
        cost=FREE, estimated_hours=10,
        notes="Companion to ML-Fundamentals: blogs and papers on research topics. Ongoing.",
    ),
    "dl-specialization": dict(
        title="Deep Learning Specialization",
        kind=K.COURSE,
        provider="Andrew Ng; DeepLearning.AI, on Coursera",
        url="https://www.coursera.org/specializations/deep-learning",
        cost=PAID, estimated_hours=120,
        notes="Paid certificate; the course videos can be audited for free.",
    ),
    "ml-patterns-paper": dict(
        title="Software-Engineering Design Patterns for Machine Learning Applications "
        "(IEEE Computer, 2022)",
        kind=K.PAPER,
        provider="H. Washizaki, F. Khomh, Y.-G. Guéhéneuc, H. Takeuchi, N. Natori, T. Doi, S. Okuda",
        url="https://doi.org/10.1109/MC.2021.3137227",
        cost=FREE, estimated_hours=4,
        notes="A catalogue of 15 architecture and design patterns for ML systems, from a "
        "multivocal literature review; open access. The seeds cite its 2019 preprint, "
        "'Machine Learning Architecture and Design Patterns', submitted to IEEE Software.",
    ),
    "fastpages": dict(
        title="fastpages (blogging with notebooks)",
        kind=K.PROJECT,
        provider="fast.ai",
        url="https://github.com/fastai/fastpages",
        cost=FREE, estimated_hours=4,
        notes="Archived; fast.ai points to Quarto as its successor.",
    ),
    "mlh-fellowship": dict(
        title="MLH Fellowship (open-source collaboration)",
        kind=K.COMMUNITY,
        provider="Major League Hacking",
        url="https://fellowship.mlh.io/",
        cost=FREE, estimated_hours=480,
        notes="A twelve-week remote programme, an internship alternative with a stipend, at about "
        "40 hours a week: team-based open-source work with mentors. The three-week MLH Prep is "
        "a separate, shorter entry.",
    ),
    "tensorrt": dict(
        title="TensorRT (optimised inference)",
        kind=K.WEBSITE,
        provider="NVIDIA",
        url="https://developer.nvidia.com/tensorrt",
        cost=FREE, estimated_hours=20,
        notes="Needs an NVIDIA GPU to try for real.",
    ),
    "llama-cpp": dict(
        title="llama.cpp (LLM inference on a C++ backend, 4-bit quantisation)",
        kind=K.PROJECT,
        provider="ggml-org",
        url="https://github.com/ggml-org/llama.cpp",
        cost=FREE, estimated_hours=15,
        notes="Runs quantised models on a laptop CPU; good for learning serving trade-offs.",
    ),
    "pytorch": dict(
        title="PyTorch",
        kind=K.WEBSITE,
        provider="PyTorch Foundation",
        url="https://pytorch.org/",
        cost=FREE, estimated_hours=60,
        notes="Start with the official tutorials.",
    ),
    "tensorflow": dict(
        title="TensorFlow",
        kind=K.WEBSITE,
        provider="Google",
        url="https://www.tensorflow.org/",
        cost=FREE, estimated_hours=60,
        notes="Start with the official tutorials.",
    ),
    # Named in the seeds' text with a link, though not in the RESOURCES.md table.
    "karpathy-10k-hours": dict(
        title="Andrej Karpathy on Lex Fridman Podcast #333: advice for beginners",
        kind=K.VIDEO,
        provider="Lex Fridman Podcast, on YouTube",
        url="https://www.youtube.com/watch?v=cdiD-9MMpb0&t=9383s",
        cost=FREE, estimated_hours=1,
        notes="The link starts at his advice to beginners: what counts is how much deliberate work "
        "you put in, on the order of 10,000 hours. The whole episode runs about three and a half hours.",
    ),
    "carmack-reading-list": dict(
        title="John Carmack's different path to artificial general intelligence (interview)",
        kind=K.ARTICLE,
        provider="Dallas Innovates",
        url="https://dallasinnovates.com/exclusive-qa-john-carmacks-different-path-to-artificial-general-intelligence/",
        cost=FREE, estimated_hours=1,
        notes="Includes the story of the reading list of about 40 papers Ilya Sutskever gave him.",
    ),
    "quarto": dict(
        title="Quarto",
        kind=K.WEBSITE,
        provider="Posit",
        url="https://quarto.org/",
        cost=FREE, estimated_hours=6,
        notes="Publishes notebooks and documents as websites and blogs; the successor fast.ai "
        "recommends to fastpages.",
    ),
    # Beyond the seeds: well-known resources chosen to fit specific topics the seeds name
    # (maths, convolution, graph ML and graph VAEs, serving, containers, the LLM lifecycle,
    # ML system design, software architecture, systems thinking). URLs checked against
    # public copies of the pages; notes are our own words.
    "mit-linear-algebra": dict(
        title="MIT 18.06 Linear Algebra (OpenCourseWare, Spring 2010)",
        kind=K.COURSE,
        provider="Gilbert Strang; MIT OpenCourseWare",
        url="https://ocw.mit.edu/courses/18-06-linear-algebra-spring-2010/",
        cost=FREE, estimated_hours=120,
        notes="Recorded lectures, problem sets and exams; the matrix fluency that deep learning takes "
        "for granted. Hours include the problem sets.",
    ),
    "google-mlcc": dict(
        title="Machine Learning Crash Course",
        kind=K.COURSE,
        provider="Google",
        url="https://developers.google.com/machine-learning/crash-course",
        cost=FREE, estimated_hours=15,
        notes="Short, interactive modules on the core ideas: loss, gradient descent, evaluation, "
        "features and neural networks. A quick first pass before a longer course.",
    ),
    "kaggle-learn": dict(
        title="Kaggle Learn",
        kind=K.COURSE,
        provider="Kaggle",
        url="https://www.kaggle.com/learn",
        cost=FREE, estimated_hours=30,
        notes="Short notebook courses (pandas, data cleaning, feature engineering, visualisation and "
        "more) of a few hours each; 30 hours covers the data-handling ones.",
    ),
    "cs231n": dict(
        title="CS231n: Deep Learning for Computer Vision",
        kind=K.COURSE,
        provider="Stanford University",
        url="https://cs231n.stanford.edu/",
        cost=FREE, estimated_hours=100,
        notes="Lecture notes, slides and assignments are public; the assignments build convolutional "
        "networks and backpropagation by hand. Hours include the assignments.",
    ),
    "cs224w": dict(
        title="CS224W: Machine Learning with Graphs",
        kind=K.COURSE,
        provider="Jure Leskovec; Stanford University",
        url="https://web.stanford.edu/class/cs224w/",
        cost=FREE, estimated_hours=80,
        notes="Slides and recorded lectures are public: node embeddings, graph neural networks, "
        "knowledge graphs and recommender systems on graphs.",
    ),
    "vgae-paper": dict(
        title="Variational Graph Auto-Encoders (2016)",
        kind=K.PAPER,
        provider="Thomas N. Kipf, Max Welling",
        url="https://arxiv.org/abs/1611.07308",
        cost=FREE, estimated_hours=4,
        notes="A short workshop paper: a graph-convolutional encoder and an inner-product decoder "
        "that predict missing links, the idea behind graph VAEs for recommendation.",
    ),
    "attention-paper": dict(
        title="Attention Is All You Need (2017)",
        kind=K.PAPER,
        provider="Ashish Vaswani, Noam Shazeer, Niki Parmar and others (Google)",
        url="https://arxiv.org/abs/1706.03762",
        cost=FREE, estimated_hours=6,
        notes="The paper that introduced the transformer; read it after building a small language "
        "model in code, when its equations map onto something you have written.",
    ),
    "qlora-paper": dict(
        title="QLoRA: Efficient Finetuning of Quantized LLMs (2023)",
        kind=K.PAPER,
        provider="Tim Dettmers, Artidoro Pagnoni, Ari Holtzman, Luke Zettlemoyer",
        url="https://arxiv.org/abs/2305.14314",
        cost=FREE, estimated_hours=6,
        notes="Trains small low-rank adapters on top of a frozen 4-bit quantised model, so that "
        "large models can be fine-tuned on a single GPU.",
    ),
    "rag-paper": dict(
        title="Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks (2020)",
        kind=K.PAPER,
        provider="Patrick Lewis, Ethan Perez, Aleksandra Piktus and others",
        url="https://arxiv.org/abs/2005.11401",
        cost=FREE, estimated_hours=5,
        notes="The paper that named retrieval-augmented generation: a retriever over a document "
        "index feeding a generator. Background for document Q&A systems.",
    ),
    "helm-paper": dict(
        title="Holistic Evaluation of Language Models (HELM, 2022)",
        kind=K.PAPER,
        provider="Percy Liang, Rishi Bommasani, Tony Lee and others (Stanford CRFM)",
        url="https://arxiv.org/abs/2211.09110",
        cost=FREE, estimated_hours=8,
        notes="Evaluates language models on many scenarios and metrics beyond accuracy (calibration, "
        "robustness, fairness, toxicity, efficiency). Long: read the framing and findings first.",
    ),
    "nist-ai-rmf": dict(
        title="NIST AI Risk Management Framework (AI RMF 1.0)",
        kind=K.WEBSITE,
        provider="U.S. National Institute of Standards and Technology (NIST)",
        url="https://www.nist.gov/itl/ai-risk-management-framework",
        cost=FREE, estimated_hours=8,
        notes="A voluntary framework for governing AI risk (govern, map, measure, manage), with a "
        "companion profile for generative AI.",
    ),
    "prompting-guide": dict(
        title="Prompt Engineering Guide",
        kind=K.WEBSITE,
        provider="DAIR.AI",
        url="https://www.promptingguide.ai/",
        cost=FREE, estimated_hours=10,
        notes="Techniques from zero-shot and few-shot prompting to chain-of-thought and retrieval, "
        "with links to the papers behind them.",
    ),
    "fastapi-docs": dict(
        title="FastAPI documentation",
        kind=K.WEBSITE,
        provider="Sebastián Ramírez and the FastAPI contributors",
        url="https://fastapi.tiangolo.com/",
        cost=FREE, estimated_hours=15,
        notes="The tutorial builds a typed Python web API step by step, with request validation; a "
        "common way to put a model behind an HTTP endpoint.",
    ),
    "docker-get-started": dict(
        title="Docker: Get started",
        kind=K.WEBSITE,
        provider="Docker Inc.",
        url="https://docs.docker.com/get-started/",
        cost=FREE, estimated_hours=8,
        notes="The official introduction to images, containers, Dockerfiles and Compose.",
    ),
    "dmls-book": dict(
        title="Designing Machine Learning Systems (2022)",
        kind=K.BOOK,
        provider="Chip Huyen; O'Reilly Media",
        url="https://www.oreilly.com/library/view/designing-machine-learning/9781098107956/",
        cost=PAID, estimated_hours=40,
        notes="Production ML as a whole system: training data, features, deployment, monitoring, "
        "continual learning and the platform around them.",
    ),
    "fosa-book": dict(
        title="Fundamentals of Software Architecture, 2nd edition (2025)",
        kind=K.BOOK,
        provider="Mark Richards, Neal Ford; O'Reilly Media",
        url="https://www.oreilly.com/library/view/fundamentals-of-software/9781098175504/",
        cost=PAID, estimated_hours=45,
        notes="Architecture characteristics, styles and trade-offs, plus the soft skills of the "
        "architect's role. The 2025 edition adds modular monoliths, governance, data, team "
        "topologies and generative AI.",
    ),
    "thinking-in-systems": dict(
        title="Thinking in Systems: A Primer (2008)",
        kind=K.BOOK,
        provider="Donella H. Meadows, edited by Diana Wright; Chelsea Green Publishing",
        url="https://www.chelseagreen.com/product/thinking-in-systems/",
        cost=PAID, estimated_hours=12,
        notes="A short, non-technical introduction to stocks, flows, feedback loops and leverage points.",
    ),
}


def _merge(*parts: dict[str, dict]) -> None:
    # One key and one URL per resource across all parts: a second entry for the same page
    # would show up twice on a node and count twice in the content checks.
    urls = {entry["url"]: key for key, entry in CATALOGUE.items()}
    for part in parts:
        for key, entry in part.items():
            if key in CATALOGUE:
                raise ValueError(f"catalogue key {key!r} defined twice")
            if entry["url"] in urls:
                raise ValueError(f"{key!r} repeats the URL of {urls[entry['url']]!r}")
            CATALOGUE[key] = entry
            urls[entry["url"]] = key


_merge(PLATFORM, ARCHITECT, LEARNING)
