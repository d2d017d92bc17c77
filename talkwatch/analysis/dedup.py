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


def sketch(text: str) -> list[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE + 3:
        return []
    hashes = {
        zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8", "surrogatepass"))
        for i in range(len(words) - SHINGLE + 1)
    }
    return sorted(hashes)[:K]


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
