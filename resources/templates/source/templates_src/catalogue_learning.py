"""Resources for foundations, deep learning, LLM systems and the practices that run alongside.

Precise pages rather than home pages where a precise page exists (the tutorials rather
than the framework's front page). How each URL was checked is in checked.py; notes are ours.
"""

from __future__ import annotations

from roadmap_app.model import Cost, ResourceKind

K = ResourceKind
FREE, PAID = Cost.FREE, Cost.PAID


def _r(title: str, kind: ResourceKind, provider: str, url: str, cost: Cost, hours: float,
       notes: str) -> dict:
    return dict(title=title, kind=kind, provider=provider, url=url, cost=cost,
                estimated_hours=hours, notes=notes)


LEARNING: dict[str, dict] = {
    # --- Undergraduate subjects ---------------------------------------------------------------
    "python-tutorial": _r(
        "The Python Tutorial", K.WEBSITE, "Python Software Foundation",
        "https://docs.python.org/3/tutorial/",
        FREE, 15,
        "The official tour of the language: data structures, modules, errors, classes and "
        "the standard library."),
    "r4ds": _r(
        "R for Data Science, 2nd edition (2023)", K.BOOK,
        "Hadley Wickham, Mine Çetinkaya-Rundel, Garrett Grolemund; O'Reilly Media",
        "https://r4ds.hadley.nz/",
        FREE, 30,
        "Free online. Import, tidy, transform, visualise and communicate data in R."),
    "dev-java-learn": _r(
        "Learn Java (dev.java)", K.WEBSITE, "Oracle",
        "https://dev.java/learn/",
        FREE, 30,
        "The official tutorials: language basics, object-oriented programming, collections "
        "and the JDK tools."),
    "mit-6006": _r(
        "MIT 6.006 Introduction to Algorithms (Spring 2020)", K.COURSE,
        "Erik Demaine, Jason Ku, Justin Solomon; MIT OpenCourseWare",
        "https://ocw.mit.edu/courses/6-006-introduction-to-algorithms-spring-2020/",
        FREE, 90,
        "Lectures, recitations and problem sets on sorting, hashing, graphs, shortest paths "
        "and dynamic programming."),
    "clrs": _r(
        "Introduction to Algorithms, 4th edition (2022)", K.BOOK,
        "Thomas H. Cormen, Charles E. Leiserson, Ronald L. Rivest, Clifford Stein; MIT Press",
        "https://mitpress.mit.edu/9780262046305/introduction-to-algorithms/",
        PAID, 60,
        "The reference textbook; use it alongside a course rather than cover to cover."),
    "islp": _r(
        "An Introduction to Statistical Learning, with Applications in Python (2023)", K.BOOK,
        "Gareth James, Daniela Witten, Trevor Hastie, Robert Tibshirani, Jonathan Taylor; Springer",
        "https://www.statlearning.com/",
        FREE, 60,
        "Free PDF from the authors. Regression, classification, resampling, trees, SVMs and "
        "unsupervised learning with labs in Python (an R edition exists too)."),
    "openintro-stats": _r(
        "OpenIntro Statistics, 4th edition", K.BOOK,
        "David Diez, Mine Çetinkaya-Rundel, Christopher Barr; OpenIntro",
        "https://www.openintro.org/book/os/",
        FREE, 40,
        "Free PDF. Probability, distributions, inference and regression for a first course."),
    "mml-book": _r(
        "Mathematics for Machine Learning (2020)", K.BOOK,
        "Marc Peter Deisenroth, A. Aldo Faisal, Cheng Soon Ong; Cambridge University Press",
        "https://mml-book.github.io/",
        FREE, 60,
        "Free PDF. Linear algebra, geometry, matrix decompositions, vector calculus, "
        "probability and optimisation, aimed at ML."),
    "3b1b-linear-algebra": _r(
        "Essence of Linear Algebra", K.VIDEO, "Grant Sanderson (3Blue1Brown)",
        "https://www.3blue1brown.com/topics/linear-algebra",
        FREE, 4,
        "Short animated lessons that give the geometric picture behind matrices and "
        "transformations."),
    "csapp": _r(
        "Computer Systems: A Programmer's Perspective, 3rd edition (2015)", K.BOOK,
        "Randal E. Bryant, David R. O'Hallaron; Pearson",
        "https://csapp.cs.cmu.edu/",
        PAID, 60,
        "Data representation, machine code, memory hierarchy, linking, processes and "
        "networking as a programmer meets them."),
    "ostep": _r(
        "Operating Systems: Three Easy Pieces", K.BOOK, "Remzi H. Arpaci-Dusseau, Andrea C. Arpaci-Dusseau",
        "https://pages.cs.wisc.edu/~remzi/OSTEP/",
        FREE, 40,
        "Free online. Virtualisation, concurrency and persistence, in short chapters."),
    "sklearn-user-guide": _r(
        "scikit-learn User Guide", K.WEBSITE, "scikit-learn developers",
        "https://scikit-learn.org/stable/user_guide.html",
        FREE, 20,
        "Supervised and unsupervised models, model selection, pipelines and preprocessing, "
        "each with the maths and examples."),
    "mmds": _r(
        "Mining of Massive Datasets, 3rd edition", K.BOOK,
        "Jure Leskovec, Anand Rajaraman, Jeffrey D. Ullman; Cambridge University Press",
        "https://www.mmds.org/",
        FREE, 40,
        "Free PDF. Similarity search, streams, link analysis, frequent itemsets, clustering and "
        "recommendation at scale; the data-mining half of the subject."),
    "ossu-cs": _r(
        "OSSU Computer Science curriculum", K.COURSE, "Open Source Society University",
        "https://github.com/ossu/computer-science",
        FREE, 20,
        "A complete degree-equivalent path through free courses; use it to find gaps or to "
        "study without enrolling. Hours are for planning, not the whole curriculum."),
    "omscs": _r(
        "Online Master of Science in Computer Science (OMSCS)", K.COURSE, "Georgia Institute of Technology",
        "https://omscs.gatech.edu/",
        PAID, 40,
        "A part-time online master's with a machine learning specialisation, at a fraction of "
        "the usual cost. Hours here are for choosing and applying."),
    "karpathy-phd-guide": _r(
        "A Survival Guide to a PhD (2016)", K.ARTICLE, "Andrej Karpathy",
        "https://karpathy.github.io/2016/09/07/phd/",
        FREE, 1,
        "Whether to do a PhD, choosing an adviser and problems, writing papers and giving talks."),
    # --- Neural networks and frameworks --------------------------------------------------------
    "3b1b-neural-networks": _r(
        "Neural Networks (video series)", K.VIDEO, "Grant Sanderson (3Blue1Brown)",
        "https://www.3blue1brown.com/topics/neural-networks",
        FREE, 3,
        "The picture behind layers, gradient descent, backpropagation and transformers."),
    "cs231n-backprop": _r(
        "CS231n notes: Backpropagation, Intuitions", K.ARTICLE, "Andrej Karpathy and others; Stanford",
        "https://cs231n.github.io/optimization-2/",
        FREE, 2,
        "Backpropagation on computational graphs, gate by gate, with patterns for the "
        "gradients of common operations."),
    "pytorch-tutorials": _r(
        "PyTorch tutorials", K.WEBSITE, "PyTorch Foundation",
        "https://docs.pytorch.org/tutorials/",
        FREE, 30,
        "Start with 'Learn the Basics': tensors, datasets, models, autograd, optimisation, "
        "saving and loading."),
    "tensorflow-tutorials": _r(
        "TensorFlow tutorials", K.WEBSITE, "Google",
        "https://www.tensorflow.org/tutorials",
        FREE, 30,
        "Keras quickstarts, then images, text, structured data and deployment guides."),
    "pytorch-ddp": _r(
        "Getting Started with Distributed Data Parallel", K.WEBSITE, "PyTorch Foundation",
        "https://docs.pytorch.org/tutorials/intermediate/ddp_tutorial.html",
        FREE, 4,
        "Train one model on several GPUs or machines: process groups, gradient "
        "synchronisation and checkpoints."),
    "burn": _r(
        "Burn: a deep learning framework in Rust", K.PROJECT, "Tracel AI and contributors",
        "https://burn.dev/",
        FREE, 10,
        "Training and inference in Rust on several back ends; try the book's first example."),
    "candle": _r(
        "Candle: minimalist ML framework for Rust", K.PROJECT, "Hugging Face",
        "https://github.com/huggingface/candle",
        FREE, 8,
        "Fast, small inference of transformer models in Rust, CPU or GPU."),
    "pyg-docs": _r(
        "PyTorch Geometric documentation", K.WEBSITE, "PyG Team",
        "https://pytorch-geometric.readthedocs.io/",
        FREE, 10,
        "Graph neural network layers, datasets and mini-batching of graphs in PyTorch."),
    "quantisation-survey": _r(
        "A Survey of Quantization Methods for Efficient Neural Network Inference (2021)", K.PAPER,
        "Amir Gholami, Sehoon Kim, Zhen Dong, Zhewei Yao, Michael W. Mahoney, Kurt Keutzer",
        "https://arxiv.org/abs/2103.13630",
        FREE, 6,
        "Uniform and non-uniform quantisation, calibration, quantisation-aware training and "
        "mixed precision, with their accuracy costs."),
    "ultralytics-docs": _r(
        "Ultralytics YOLO documentation", K.WEBSITE, "Ultralytics",
        "https://docs.ultralytics.com/",
        FREE, 8,
        "Train, validate and export object detectors to edge and server formats; a quick way "
        "to reach a deployable vision model."),
    # --- LLM systems ------------------------------------------------------------------------------
    "hf-llm-course": _r(
        "Hugging Face LLM Course", K.COURSE, "Hugging Face",
        "https://huggingface.co/learn/llm-course",
        FREE, 25,
        "Transformers, tokenisers, datasets, fine-tuning and sharing models with the Hugging "
        "Face libraries."),
    "lora-paper": _r(
        "LoRA: Low-Rank Adaptation of Large Language Models (2021)", K.PAPER,
        "Edward J. Hu, Yelong Shen, Phillip Wallis and others (Microsoft)",
        "https://arxiv.org/abs/2106.09685",
        FREE, 4,
        "Freeze the model and train small low-rank matrices; the basis of QLoRA and most "
        "parameter-efficient fine-tuning."),
    "peft-docs": _r(
        "PEFT documentation", K.WEBSITE, "Hugging Face",
        "https://huggingface.co/docs/peft",
        FREE, 5,
        "LoRA and other adapters in practice, including 4-bit training with bitsandbytes."),
    "vllm-paper": _r(
        "Efficient Memory Management for Large Language Model Serving with PagedAttention "
        "(SOSP 2023)", K.PAPER, "Woosuk Kwon, Zhuohan Li, Siyuan Zhuang and others",
        "https://arxiv.org/abs/2309.06180",
        FREE, 4,
        "Why the key-value cache dominates LLM serving memory, and how paging it raises "
        "throughput; the paper behind vLLM."),
    "vllm-docs": _r(
        "vLLM documentation", K.WEBSITE, "vLLM project",
        "https://docs.vllm.ai/",
        FREE, 6,
        "A high-throughput open-source LLM server with continuous batching and an "
        "OpenAI-compatible API."),
    "hnsw-paper": _r(
        "Efficient and robust approximate nearest neighbor search using Hierarchical Navigable "
        "Small World graphs (2016)", K.PAPER, "Yu. A. Malkov, D. A. Yashunin",
        "https://arxiv.org/abs/1603.09320",
        FREE, 3,
        "The graph index most vector databases use; explains the recall, memory and latency "
        "trade-offs you tune."),
    "faiss-wiki": _r(
        "Faiss wiki", K.WEBSITE, "Meta AI Research (FAIR)",
        "https://github.com/facebookresearch/faiss/wiki",
        FREE, 5,
        "Choosing an index (flat, IVF, HNSW, product quantisation) for a given size, memory "
        "and accuracy budget."),
    "pgvector": _r(
        "pgvector: vector similarity search for Postgres", K.PROJECT, "Andrew Kane and contributors",
        "https://github.com/pgvector/pgvector",
        FREE, 3,
        "Vector search inside an existing PostgreSQL database; often enough before a "
        "dedicated vector store."),
    "sbert-docs": _r(
        "Sentence Transformers documentation", K.WEBSITE, "UKP Lab and Hugging Face",
        "https://www.sbert.net/",
        FREE, 5,
        "Compute text embeddings, use cross-encoders for re-ranking, and fine-tune embedding "
        "models for retrieval."),
    "llm-patterns": _r(
        "Patterns for Building LLM-based Systems & Products (2023)", K.ARTICLE, "Eugene Yan",
        "https://eugeneyan.com/writing/llm-patterns/",
        FREE, 2,
        "Evals, retrieval, fine-tuning, caching, guardrails, defensive UX and feedback, with "
        "references."),
    "applied-llms": _r(
        "What We've Learned From A Year of Building with LLMs (2024)", K.ARTICLE,
        "Eugene Yan, Bryan Bischof, Charles Frye, Hamel Husain, Jason Liu, Shreya Shankar",
        "https://applied-llms.org/",
        FREE, 3,
        "Tactical, operational and strategic lessons from practitioners: evals, retrieval, "
        "team structure and when to build."),
    "llm-judge-paper": _r(
        "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena (NeurIPS 2023)", K.PAPER,
        "Lianmin Zheng, Wei-Lin Chiang, Ying Sheng and others",
        "https://arxiv.org/abs/2306.05685",
        FREE, 3,
        "When a strong model can grade another's answers, and the position, verbosity and "
        "self-preference biases to correct for."),
    "ragas-paper": _r(
        "RAGAS: Automated Evaluation of Retrieval Augmented Generation (2023)", K.PAPER,
        "Shahul Es, Jithin James, Luis Espinosa-Anke, Steven Schockaert",
        "https://arxiv.org/abs/2309.15217",
        FREE, 2,
        "Reference-free metrics for faithfulness, answer relevance and context relevance."),
    "nemo-guardrails": _r(
        "NeMo Guardrails documentation", K.WEBSITE, "NVIDIA",
        "https://docs.nvidia.com/nemo/guardrails/",
        FREE, 5,
        "Programmable input, output and dialogue rails around an LLM application."),
    "building-effective-agents": _r(
        "Building effective agents (2024)", K.ARTICLE, "Anthropic",
        "https://www.anthropic.com/engineering/building-effective-agents",
        FREE, 1,
        "Workflows versus agents, and the simple composable patterns that work in practice."),
    "react-paper": _r(
        "ReAct: Synergizing Reasoning and Acting in Language Models (ICLR 2023)", K.PAPER,
        "Shunyu Yao, Jeffrey Zhao, Dian Yu and others",
        "https://arxiv.org/abs/2210.03629",
        FREE, 2,
        "Interleaving reasoning with tool calls; the pattern behind most LLM agents."),
    # --- Practices: engineering blogs, research, branding, mentoring ---------------------------
    "applied-ml-list": _r(
        "applied-ml: papers and tech blogs by companies sharing their work on data science and "
        "machine learning in production", K.WEBSITE, "Eugene Yan and contributors",
        "https://github.com/eugeneyan/applied-ml",
        FREE, 10,
        "A curated index of companies' engineering write-ups by topic; the quickest way into "
        "how others built what you are designing."),
    "netflix-tech-blog": _r(
        "Netflix TechBlog", K.WEBSITE, "Netflix", "https://netflixtechblog.com/",
        FREE, 10,
        "Recommendation, experimentation, data platform and ML infrastructure at scale. Ongoing."),
    "uber-engineering": _r(
        "Uber Engineering Blog", K.WEBSITE, "Uber", "https://www.uber.com/blog/engineering/",
        FREE, 10,
        "Platform, data and ML engineering write-ups, including the Michelangelo series. Ongoing."),
    "google-research-blog": _r(
        "Google Research Blog", K.WEBSITE, "Google Research", "https://research.google/blog/",
        FREE, 10,
        "Research results explained for engineers, often with the production system behind them. "
        "Ongoing."),
    "meta-engineering": _r(
        "Engineering at Meta", K.WEBSITE, "Meta", "https://engineering.fb.com/",
        FREE, 10,
        "Infrastructure, AI training at scale and production ML systems. Ongoing."),
    "huyen-blog": _r(
        "Chip Huyen's blog", K.WEBSITE, "Chip Huyen", "https://huyenchip.com/blog/",
        FREE, 5,
        "Long essays on ML systems, LLM engineering and the ML tooling landscape. Ongoing."),
    "lilian-weng-blog": _r(
        "Lil'Log", K.WEBSITE, "Lilian Weng", "https://lilianweng.github.io/",
        FREE, 10,
        "Thorough, referenced surveys of research topics, from attention to agents and "
        "hallucination. Ongoing."),
    "mlsys-conf": _r(
        "MLSys", K.CONFERENCE, "MLSys Conference (Conference on Machine Learning and Systems)",
        "https://mlsys.org/",
        PAID, 16,
        "The research conference where ML and systems meet: compilers, serving, distributed "
        "training. Talks and papers are free online; about 16 hours a year."),
    "arxiv-submit": _r(
        "arXiv: Submission guidelines", K.WEBSITE, "arXiv (Cornell University)",
        "https://info.arxiv.org/help/submit/index.html",
        FREE, 2,
        "How to post a preprint, choose a category and get endorsed."),
    "spj-great-paper": _r(
        "How to write a great research paper", K.VIDEO, "Simon Peyton Jones; Microsoft Research",
        "https://www.microsoft.com/en-us/research/academic-program/write-great-research-paper/",
        FREE, 1,
        "Seven simple suggestions: write first, identify your key idea, tell a story, nail "
        "your contributions."),
    "tmlr": _r(
        "Transactions on Machine Learning Research (TMLR)", K.WEBSITE, "TMLR editors; OpenReview",
        "https://jmlr.org/tmlr/",
        FREE, 2,
        "A journal with rolling submissions and open reviews that judges correctness rather than "
        "novelty; a realistic first venue for applied work."),
    "neurips-reproducibility": _r(
        "Improving Reproducibility in Machine Learning Research (2020)", K.PAPER,
        "Joelle Pineau, Philippe Vincent-Lamarre, Koustuv Sinha and others",
        "https://arxiv.org/abs/2003.12206",
        FREE, 2,
        "The NeurIPS 2019 reproducibility programme and its checklist; what reviewers now "
        "expect from code and experiments."),
    "github-pages": _r(
        "GitHub Pages documentation", K.WEBSITE, "GitHub",
        "https://docs.github.com/en/pages",
        FREE, 3,
        "Host a portfolio or blog from a repository, for free, under your own domain if you like."),
    "hf-spaces": _r(
        "Hugging Face Spaces", K.WEBSITE, "Hugging Face",
        "https://huggingface.co/docs/hub/spaces",
        FREE, 3,
        "Host small interactive demos of your models; a portfolio people can try."),
    "show-your-work": _r(
        "Show Your Work! (2014)", K.BOOK, "Austin Kleon; Workman Publishing",
        "https://austinkleon.com/show-your-work/",
        PAID, 3,
        "Ten short chapters on sharing your process in public; the gentlest guide to "
        "personal branding."),
    "ml-collective": _r(
        "ML Collective", K.COMMUNITY, "ML Collective",
        "https://mlcollective.org/",
        FREE, 10,
        "An open research lab and community: reading groups, mentoring and collaboration for "
        "people outside the usual institutions."),
    "mlh-prep": _r(
        "MLH Fellowship Prep", K.COMMUNITY, "Major League Hacking",
        "https://fellowship.mlh.io/programs/prep",
        FREE, 60,
        "A three-week programme of short team projects, to try the Fellowship's way of working "
        "before the twelve-week version."),
    "ml-pytorch-sklearn-book": _r(
        "Machine Learning with PyTorch and Scikit-Learn (2022)", K.BOOK,
        "Sebastian Raschka, Yuxi (Hayden) Liu, Vahid Mirjalili; Packt",
        "https://www.packtpub.com/en-us/product/machine-learning-with-pytorch-and-scikit-learn-9781801819312",
        PAID, 80,
        "The successor of Python Machine Learning (3rd edition, 2019): the same approach "
        "with PyTorch instead of TensorFlow, plus transformers and graph neural networks."),
}
