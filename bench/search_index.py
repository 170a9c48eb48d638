"""Print how long the search index takes to build and to query, over N synthetic study documents.

    python bench/search_index.py [N]    (default 50,000)

Documents are the samples' and corpus' words shuffled into titles, names and bodies of real length.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows.search import SearchQuery, search  # noqa: E402
from warehouse.connect import connect  # noqa: E402
from warehouse.search_index import rebuild_index  # noqa: E402

WORDS = ("baricitinib tofacitinib methotrexate placebo sclerosis lupus arthritis cancer pain trial phase "
         "randomized efficacy safety patients dose week outcome score change baseline response remission "
         "disease activity skin lung kidney heart blood children adults open label extension").split()


def main(n: int) -> None:
    """Build the documents, time the index build and a few searches."""
    rng = random.Random(13)
    con: duckdb.DuckDBPyConnection = connect(Path("/tmp") / f"bench_search_{n}.duckdb")
    con.execute("DELETE FROM meta.study_documents")
    con.execute("DELETE FROM studies")
    docs = pa.table({"nct_id": [f"NCT{i:08d}" for i in range(n)],
                     "title": [" ".join(rng.choices(WORDS, k=12)) for _ in range(n)],
                     "names": [" ".join(rng.choices(WORDS, k=10)) for _ in range(n)],
                     "body": [" ".join(rng.choices(WORDS, k=300)) for _ in range(n)]})
    con.register("_docs", docs)
    con.execute("INSERT INTO meta.study_documents SELECT *, 'bench' FROM _docs")
    con.execute("INSERT INTO studies (nct_id, brief_title, source_layout, source_sha256) "
                "SELECT nct_id, title, 'ctgov_json_v2', nct_id FROM meta.study_documents")
    start = time.perf_counter()
    rebuild_index(con)
    print(f"{n} documents: index built in {time.perf_counter() - start:.1f} s")
    for words in ("baricitinib", "lupus methotrexate", "skin sclerosis baricitinib"):
        start = time.perf_counter()
        hits = search(con, SearchQuery(words, limit=20))
        print(f"search {words!r}: {len(hits)} shown in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
