"""Near-duplicate articles (one story syndicated by two outlets), by bottom-k MinHash.

Each article gets a sketch: the K smallest CRC32 hashes of its 4-word shingles. The
Jaccard similarity of two articles is estimated from their sketches; the few smallest
hashes double as lookup keys, so candidates are found through an index, not by comparing
every pair.
"""
from __future__ import annotations

import re
import zlib

K = 48            # sketch size
KEYS = 6          # smallest hashes used as lookup keys
SHINGLE = 4
THRESHOLD = 0.6   # estimated Jaccard at or above which two articles are near duplicates
_WORD = re.compile(r"\w+")


_MASK = 0xFFFFFFFF


LEAD_CHARS = 1200  # near duplicates share their lead: sketch the first part only


def sketch(text: str) -> list[int]:
    words = _WORD.findall(text[:LEAD_CHARS].lower())
    if len(words) < SHINGLE + 3:
        return []
    cache: dict[str, int] = {}
    hs = []
    for w in words:
        h = cache.get(w)
        if h is None:
            h = cache[w] = zlib.crc32(w.encode("utf-8", "surrogatepass"))
        hs.append(h)
    # a stable hash of each run of SHINGLE words, from the words' own hashes
    shingles = {
        ((((a * 1000003) ^ b) * 1000003 ^ c) * 1000003 ^ d) & _MASK
        for a, b, c, d in zip(hs, hs[1:], hs[2:], hs[3:])
    }
    return sorted(shingles)[:K]


def similarity(a: list[int], b: list[int]) -> float:
    """Bottom-k estimate of the Jaccard similarity of the two shingle sets."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:K]
    sa, sb = set(a), set(b)
    both = sum(1 for h in union if h in sa and h in sb)
    return both / len(union)


def keys(sk: list[int]) -> list[int]:
    return sk[:KEYS]


MIN_SHARED_KEYS = 2   # a candidate must share this many lookup keys before its sketch is compared
RECENT_PER_KEY = 25   # per key, only the most recently indexed articles are candidates
