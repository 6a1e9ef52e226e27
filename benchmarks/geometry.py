"""Count edge crossings geometrically, the same way for any layout (ours or dot's).

Edges are straight segments between node centres; two segments that share an
endpoint do not count. Vectorised with numpy in blocks to bound memory.
"""

from __future__ import annotations


def count_segment_crossings(roadmap, centres: dict[str, tuple[float, float]], block: int = 512) -> int:
    import numpy as np

    edges = [(e.source, e.target) for e in roadmap.edges if e.source in centres and e.target in centres]
    if len(edges) < 2:
        return 0
    ids = {node_id: i for i, node_id in enumerate(centres)}
    a = np.array([centres[s] for s, _ in edges], dtype=float)
    b = np.array([centres[t] for _, t in edges], dtype=float)
    ea = np.array([ids[s] for s, _ in edges])
    eb = np.array([ids[t] for _, t in edges])

    def orient(p, q, r):
        return np.sign((q[..., 0] - p[..., 0]) * (r[..., 1] - p[..., 1])
                       - (q[..., 1] - p[..., 1]) * (r[..., 0] - p[..., 0]))

    total = 0
    n = len(edges)
    for start in range(0, n, block):
        sl = slice(start, min(n, start + block))
        p1, p2 = a[sl][:, None, :], b[sl][:, None, :]
        q1, q2 = a[None, :, :], b[None, :, :]
        o1, o2 = orient(p1, p2, q1), orient(p1, p2, q2)
        o3, o4 = orient(q1, q2, p1), orient(q1, q2, p2)
        cross = (o1 * o2 < 0) & (o3 * o4 < 0)
        shared = ((ea[sl][:, None] == ea[None, :]) | (ea[sl][:, None] == eb[None, :])
                  | (eb[sl][:, None] == ea[None, :]) | (eb[sl][:, None] == eb[None, :]))
        cross &= ~shared
        total += int(cross.sum())
    return total // 2
