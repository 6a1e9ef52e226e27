"""Practices the seeds name that the `ml-architect` roadmap lacked: personal branding
(named in seed 004 as the heading over blog posts, talks and an online presence),
following companies' engineering blogs (seed 002) and publishing research.

Practices are recurring: their hours are for one year, and they never gate the goal.
"""

from __future__ import annotations

from roadmap_app.model import NodeKind

from .builder import TemplateBuilder

PRACTICE = NodeKind.PRACTICE
S_CONT = "Continuous learning"  # the stage name of ml_architect.py


def add_practices(b: TemplateBuilder) -> None:
    b.node("practice-personal-branding", "Personal branding", PRACTICE, S_CONT, 10,
           "Decide what you want to be known for and make your work findable: writing, talks, "
           "open-source work and a portfolio that tell one consistent story.",
           ("show-your-work",),
           why="A known name for one area of ML helps you become a reputable ML architect: "
           "architect roles are often filled through reputation and referral.")
    b.node("practice-engineering-blogs", "Follow engineering blogs", PRACTICE, S_CONT, 20,
           "Read how companies built and run their ML and data systems: platform write-ups, "
           "post-mortems and the papers behind them.",
           ("applied-ml-list", "netflix-tech-blog", "uber-engineering", "google-research-blog",
            "meta-engineering", "huyen-blog", "lilian-weng-blog"),
           why="Companies' engineering blogs show which designs survived production at scale, "
           "and how others use AI; the quickest way to learn from systems you cannot see inside.")
    b.node("practice-publish-research", "Publish research", PRACTICE, S_CONT, 40,
           "Turn a result from your work or your reading into a workshop paper, a preprint or a "
           "journal article, with code others can reproduce.",
           ("spj-great-paper", "arxiv-submit", "tmlr", "neurips-reproducibility"),
           optional=True,
           why="Optional: publishing builds standing with research teams and forces rigour; "
           "valued most for research-facing architect roles.")
    b.edge("rel", "practice-personal-branding", "practice-blog-posts", "practice-talks",
           "practice-online-presence", "skill-strategic-career-moves")
    b.edge("rel", "practice-engineering-blogs", "arch-ml-system-design", "practice-new-tools")
    b.edge("rel", "practice-publish-research", "skill-implement-papers", "practice-personal-branding")
