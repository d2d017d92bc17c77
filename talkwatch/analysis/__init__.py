"""Analysis: pure functions over what extraction found.

    dedup      near-duplicate articles (sketches of their leads)
    clusters   mentions of one real-world event grouped into a cluster
    dyads      where a country pair stands (status, next event, score, trend) from its mentions
    evaluate   extracted events against a gold file

No I/O and no database here: the store reads the mentions and writes what these compute
(store.dyads), the indexer decides when (indexer.refresh).
"""
