"""The built-in roadmaps' content: enough nodes and checked links, https only, each resource
once per route, every seed resource and seed path topic present (issue 15).

Each check fails when a change removes what it guards: a node, a link, a seed resource or
a named topic.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest

from roadmap_app.graph.build import to_digraph
from roadmap_app.model import Cost, NodeKind
from roadmap_app.templates import load_template, template_ids

REPO = Path(__file__).resolve().parent.parent
MAIN = "ml-architect"
CHECKED_MD = REPO / "docs" / "RESOURCES_CHECKED.md"

# Lower bounds, per template: nodes, distinct resource URLs.
MINIMUMS = {"ml-architect": (105, 150), "swe-to-mle": (30, 45), "ds-to-llm": (28, 45)}

# Corrections the templates make on purpose to the seeds' table (see issue 15): the paper's
# peer-reviewed DOI replaces a plain-http preprint.
SEED_URL_CORRECTIONS = {
    "http://www.washi.cs.waseda.ac.jp/wp-content/uploads/2019/12/IEEE_Software_19__ML_Patterns.pdf":
        "https://doi.org/10.1109/MC.2021.3137227",
}

# The path in the seeds' own words (RESOURCES.md, "The path, as seed 004 lays it out" and
# "What the other seeds add"), each with the node title that carries it. The seed phrase is
# checked against RESOURCES.md, the title against the template, so neither can drift alone.
SEED_TOPICS = {
    "programming (Python, R, Java)": "Programming: Python, R and Java",
    "data structures and algorithms": "Data structures and algorithms",
    "statistics and probability": "Statistics and probability",
    "linear algebra and calculus": "Linear algebra and calculus",
    "fundamentals of computer\n  systems": "Fundamentals of computer systems",
    "machine learning and data mining": "Machine learning and data mining",
    "Hands-on projects and internships": "Hands-on projects and internships",
    "a master's in CS, ML, AI or data science": "Master's in CS, ML, AI or data science",
    "a doctorate for\n  R&D roles": "Doctorate for research and development roles",
    "software developer": "Software developer",
    "data analyst": "Data analyst",
    "junior data scientist": "Junior data scientist",
    "real-world problem solving": "Solve real-world problems",
    "TensorFlow or PyTorch": "ML frameworks: TensorFlow or PyTorch",
    "data pre-processing,\n  cleaning and visualisation": "Data pre-processing, cleaning and visualisation",
    "a cloud platform (AWS, GCP or Azure)": "A cloud platform: AWS, GCP or Azure",
    "machine learning engineer": "Machine learning engineer",
    "data scientist;": "Data scientist",
    "design of scalable, efficient\n  ML systems": "Design scalable, efficient ML systems",
    "leading significant projects": "Lead significant ML projects",
    "supervising data scientists and\n  engineers": "Supervise data scientists and engineers",
    "software design principles": "Software design principles",
    "systems thinking": "Systems thinking",
    "communicating\n  complex ideas to non-technical stakeholders":
        "Explain complex ideas to non-technical stakeholders",
    "strategic career moves": "Strategic career moves",
    "conferences, workshops": "Attend conferences and workshops",
    "papers": "Read research papers regularly",
    "hackathons\n  and competitions": "Hackathons and competitions",
    "new tools": "Stay current with algorithms, tools and frameworks",
    "mentorship": "Find mentors",
    "networking (forums, open source)": "Network through forums and communities",
    "personal branding (blog posts, talks, online presence)": "Personal branding",
    "blog posts": "Write blog posts",
    "talks": "Present at events",
    "online presence": "Maintain an online presence",
    "ML architecture and design patterns": "ML architecture and design patterns",
    "software architecture practice (design\n  patterns, agile, kanban, XP)":
        "Software architecture practice: design patterns, agile, kanban, XP",
    "blogging with notebooks": "Write blog posts",
    "fundamentals from first principles": "Neural networks from first principles",
    "production\n  ML (scaling training, research and inference)":
        "Production ML: scaling training, research and inference",
    "tool exploration (PyTorch, TensorFlow,\n  Rust ML libraries)":
        "Explore tools: PyTorch, TensorFlow and Rust ML libraries",
    "project builds": "Build your own ML projects",
    "generative AI": "Generative AI foundations",
    "micrograd and Zero to Hero": "Build micrograd yourself",
    "reading papers and\n  implementing them": "Read and implement research papers",
    "building from scratch": "Implement algorithms from scratch",
    "convolution": "How convolution works",
    "backpropagation)": "Backpropagation, exactly",
    "graph ML": "Graph machine learning",
    "graph\n  variational autoencoders for recommendation":
        "Graph variational autoencoders for recommendation",
    "deployment (APIs, Docker, cloud)": "Deploy ML services on the cloud",
    "computer vision in production": "Computer vision in production",
    "quantisation and TensorRT": "Quantisation and TensorRT serving",
    "fine-tuning with 4-bit quantisation": "Fine-tune an LLM with 4-bit quantisation",
    "compressing it to run on a C++ backend": "Compress an LLM to run on a C++ backend",
    "serving": "Serve LLMs",
    "prompt engineering": "Prompt engineering",
    "knowledge bases for document Q&A (retrieval)": "Knowledge bases for document Q&A (retrieval)",
    "LLM evaluation\n  and governance": "LLM evaluation and governance",
}

# Topics the seeds name outside RESOURCES.md that the roadmap lacked (issue 15), by title.
ISSUE_TOPICS = (
    "Big-data technologies: Spark, Kafka and streaming",  # seed 004, certifications paragraph
    "Follow engineering blogs",  # seed 002, "companies blogs"
    "Publish research",
    "Personal branding",  # seed 004, its own heading
)

# The classics an ML architect is expected to know (issue 15), by canonical URL.
CLASSICS = {
    "Designing Machine Learning Systems":
        "https://www.oreilly.com/library/view/designing-machine-learning/9781098107956/",
    "Machine Learning Design Patterns": "https://www.oreilly.com/library/view/machine-learning-design/9781098115777/",
    "Designing Data-Intensive Applications": "https://dataintensive.net/",
    "Hidden Technical Debt in ML Systems":
        "https://proceedings.neurips.cc/paper/2015/hash/86df7dcfd896fcaf2674f757a2463eba-Abstract.html",
    "The ML Test Score": "https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-"
                         "and-technical-debt-reduction/",
    "Rules of ML": "https://developers.google.com/machine-learning/guides/rules-of-ml",
    "Full Stack Deep Learning": "https://fullstackdeeplearning.com/course/2022/",
    "Made With ML": "https://madewithml.com/",
    "AWS ML Lens": "https://docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/machine-learning-lens.html",
    "Google Cloud AI and ML perspective":
        "https://docs.cloud.google.com/architecture/framework/perspectives/ai-ml",
    "Azure AI workloads": "https://learn.microsoft.com/en-us/azure/well-architected/ai/",
}

CLOUD_CERTS = (
    "https://aws.amazon.com/certification/certified-machine-learning-engineer-associate/",
    "https://cloud.google.com/learn/certification/machine-learning-engineer",
    "https://learn.microsoft.com/en-us/credentials/certifications/azure-ai-engineer/",
)


def _route(roadmap) -> set[str]:
    """Everything the goal waits for, optional nodes aside: a superset of any one route."""
    graph = to_digraph(roadmap, ordering_only=True)
    ancestors = nx.ancestors(graph, roadmap.plan.goal) | {roadmap.plan.goal}
    return {node.id for node in roadmap.nodes if node.id in ancestors and not node.optional}


def _urls(roadmap) -> set[str]:
    return {res.url for node in roadmap.nodes for res in node.resources}


@pytest.mark.parametrize("template_id", template_ids())
def test_enough_nodes_and_distinct_resources(template_id):
    roadmap = load_template(template_id)
    min_nodes, min_urls = MINIMUMS[template_id]
    assert len(roadmap.nodes) >= min_nodes
    assert len(_urls(roadmap)) >= min_urls


@pytest.mark.parametrize("template_id", template_ids())
def test_every_node_but_a_role_has_a_link(template_id):
    missing = [node.id for node in load_template(template_id).nodes
               if node.kind is not NodeKind.ROLE and not node.resources]
    assert missing == []


@pytest.mark.parametrize("template_id", template_ids())
def test_every_link_is_https_with_facts(template_id):
    for node in load_template(template_id).nodes:
        for res in node.resources:
            assert res.url.startswith("https://"), (node.id, res.url)
            assert res.provider and res.cost is not Cost.UNKNOWN, res.id
            assert res.estimated_hours and res.estimated_hours > 0, res.id


@pytest.mark.parametrize("template_id", template_ids())
def test_no_resource_twice_on_the_route(template_id):
    roadmap = load_template(template_id)
    route = _route(roadmap)
    homes: dict[str, list[str]] = defaultdict(list)
    for node in roadmap.nodes:
        if node.id in route:
            for res in node.resources:
                homes[res.url].append(node.id)
    assert {url: ids for url, ids in homes.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("template_id", template_ids())
def test_new_content_leaves_notes_to_the_user(template_id):
    # Nodes added for the MLOps, data, architect and LLM layers explain themselves in `why`.
    added = re.compile(r"^(mlops-|data-|arch-|llm-|cert-cloud-ml$|skill-git$|practice-(personal-branding|"
                       r"engineering-blogs|publish-research)$|milestone-automated-ml-pipeline$)")
    new_nodes = [node for node in load_template(template_id).nodes if added.match(node.id)]
    assert new_nodes
    for node in new_nodes:
        assert node.notes == "", node.id
        assert len(node.why) >= 30, node.id


def test_ml_architect_has_the_new_layers():
    roadmap = load_template(MAIN)
    ids = {node.id for node in roadmap.nodes}
    assert len({i for i in ids if i.startswith("mlops-")}) >= 9
    assert len({i for i in ids if i.startswith("data-")}) >= 5
    assert len({i for i in ids if i.startswith("arch-")}) >= 10
    assert len({i for i in ids if i.startswith("llm-")}) >= 3
    route = _route(roadmap)
    # The layers lead to the goal; the MLOps skills progress during the ML engineer role.
    assert {i for i in ids if i.startswith(("mlops-", "arch-"))} <= route
    for node in roadmap.nodes:
        if node.id.startswith("mlops-"):
            assert node.learned_in == "role-ml-engineer" and node.duration_weeks is None, node.id


@pytest.mark.parametrize("template_id", template_ids())
def test_cloud_certificate_is_one_optional_node_with_three_choices(template_id):
    roadmap = load_template(template_id)
    cert = roadmap.node("cert-cloud-ml")
    assert cert is not None and cert.optional and cert.kind is NodeKind.CERTIFICATION
    assert tuple(res.url for res in cert.resources) == CLOUD_CERTS
    assert cert.id not in _route(roadmap)


@pytest.mark.parametrize("template_id", ["swe-to-mle", "ds-to-llm"])
def test_career_switch_certificates_off_the_route_are_optional(template_id):
    roadmap = load_template(template_id)
    route = _route(roadmap)
    certs = [node for node in roadmap.nodes if node.kind is NodeKind.CERTIFICATION]
    assert len(certs) >= 2
    assert [node.id for node in certs if node.id not in route and not node.optional] == []


def test_ml_architect_includes_the_classics():
    urls = _urls(load_template(MAIN))
    assert {name: url for name, url in CLASSICS.items() if url not in urls} == {}


def test_topics_the_issue_named_are_present_by_name():
    titles = {node.title for node in load_template(MAIN).nodes}
    assert [topic for topic in ISSUE_TOPICS if topic not in titles] == []


def test_seed_path_topics_are_present_by_name():
    titles = {node.title for node in load_template(MAIN).nodes}
    assert [title for title in SEED_TOPICS.values() if title not in titles] == []


def test_seed_path_topics_are_the_seeds_own(shared_dir):
    text = (shared_dir / "seeds" / "RESOURCES.md").read_text(encoding="utf-8")
    path = text[text.index("## The path"):]
    assert [phrase for phrase in SEED_TOPICS if phrase not in path] == []


def _seed_rows(shared_dir) -> list[dict[str, str]]:
    text = (shared_dir / "seeds" / "RESOURCES.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[4].startswith("http"):
            rows.append({"title": cells[1], "url": cells[4]})
    return rows


def test_every_seed_resource_is_present_with_its_canonical_url(shared_dir):
    rows = _seed_rows(shared_dir)
    assert len(rows) >= 26
    urls = _urls(load_template(MAIN))
    missing = [row["title"] for row in rows if SEED_URL_CORRECTIONS.get(row["url"], row["url"]) not in urls]
    assert missing == []


def test_the_checked_record_covers_every_link():
    # docs/RESOURCES_CHECKED.md is the record of how each URL was verified; a new link
    # without a line there is a link nobody looked at.
    record = CHECKED_MD.read_text(encoding="utf-8")
    listed = set(re.findall(r"\| (https://\S+) \|", record))
    every = set().union(*(_urls(load_template(t)) for t in template_ids()))
    assert sorted(every - listed) == []
    assert "| could not verify: not checked |" not in record  # every link has a method


@pytest.mark.skipif(not (REPO / "resources/templates/source/templates_src").is_dir(), reason="not a checkout")
def test_the_checked_record_matches_its_sources():
    result = subprocess.run(
        [sys.executable, "resources/templates/source/write_checked_record.py", "--check"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
