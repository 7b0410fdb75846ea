"""The batch on a Dask cluster: same lines as the process pool, written by the client alone.

Each worker opens the corpus once, in a worker plugin, and keeps it for every article it
is given; with a shipped index the plugin first writes the index file into the worker's
own directory. A worker that cannot open the corpus fails the run with one line naming
it. Futures are submitted in a bounded window; a worker that dies has its articles rerun
by the scheduler, and the client writes each article's line once, when its future is done.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from verifier.errors import InputError, QuotecheckError
from verifier.session import Settings, Verifier

try:  # the optional extra; without it only require_dask() is reached
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - exercised by the missing-extra test in a subprocess
    _PluginBase = object  # type: ignore[assignment,misc]

INSTALL = "the --scheduler option needs Dask: pip install 'quotecheck[dask]'"
PLUGIN = "quotecheck-corpus"
# Opens the session on a worker: given the shipped index's path there, or None (shared storage).
WorkerOpener = Callable[[str | None], Verifier]


def require_dask() -> None:
    """One clear line when the optional extra is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(INSTALL) from None


class CorpusPlugin(_PluginBase):  # type: ignore[misc,unused-ignore]
    """Opens the session (corpus, policy, aliases) once per worker (a Dask worker plugin)."""

    name = PLUGIN

    def __init__(self, opener: WorkerOpener, shipped: tuple[str, bytes] | None) -> None:
        self.opener = opener
        self.shipped = shipped

    def setup(self, worker: Any) -> None:
        state: dict[str, Any] = {}
        try:
            index = None
            if self.shipped is not None:
                name, data = self.shipped
                index = os.path.join(worker.local_directory, name)
                Path(index).write_bytes(data)
            state["verifier"] = self.opener(index)
        except (QuotecheckError, OSError) as exc:
            state["failed"] = str(exc)
        worker.quotecheck = state


class WorkerFailed(Exception):
    """A worker that has no corpus: the run stops, naming it."""


def _state(worker: Any = None) -> dict[str, Any]:
    from distributed import get_worker

    worker = worker or get_worker()
    state: dict[str, Any] | None = getattr(worker, "quotecheck", None)
    if state is None or "failed" in state:
        why = state["failed"] if state else "the corpus plugin did not run"
        raise WorkerFailed(f"worker {worker.address} cannot open the corpus: {why}")
    return state


def _check(dask_worker: Any) -> str | None:
    """On each worker (``client.run`` passes it): None when its corpus is open, else why not."""
    try:
        _state(dask_worker)
    except WorkerFailed as exc:
        return str(exc)
    return None


def _work(path: str, sha: str | None) -> dict[str, Any]:
    from verifier.batch.pool import verify_path

    state = _state()
    try:
        return verify_path(path, sha, state["verifier"])
    except Exception as exc:  # an article that raises is its own error line, never a lost run
        return {"path": path, "error": f"{path}: {type(exc).__name__}: {exc}", "sha256": sha}


def connect(scheduler: str, jobs: int, timeout: float) -> tuple[Any, Any]:
    """A client and the cluster it started (None for a given address); one line when unreachable."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=timeout), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def results(
    todo: list[tuple[str, str | None]],
    opener: WorkerOpener,
    *,
    scheduler: str,
    jobs: int = 1,
    ship_index: str | Path | None = None,
    timeout: float = 10.0,
    window: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Lines in completion order from the cluster, with at most ``window`` futures in flight."""
    if not todo:
        return
    client, cluster = connect(scheduler, jobs, timeout)
    try:
        shipped = None
        if ship_index is not None:
            ship = Path(ship_index)
            try:
                shipped = (ship.name, ship.read_bytes())
            except OSError as exc:
                raise InputError(f"cannot read the index to ship: {exc.strerror}", path=str(ship)) from None
        client.register_plugin(CorpusPlugin(opener, shipped), name=PLUGIN)
        for why in client.run(_check).values():
            if why is not None:
                raise InputError(why)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _bounded(client, todo, window or workers * 4)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _bounded(client: Any, todo: list[tuple[str, str | None]], limit: int) -> Iterator[dict[str, Any]]:
    """At most ``limit`` futures in flight; each line yielded once, as its future completes."""
    from distributed import as_completed

    queue = iter(todo)
    pending = as_completed()
    article: dict[str, tuple[str, str | None]] = {}

    def submit() -> bool:
        for path, sha in queue:
            future = client.submit(_work, path, sha, key=f"qc-{path}-{sha}")
            article[future.key] = (path, sha)
            pending.add(future)
            return True
        return False

    for _ in range(limit):
        if not submit():
            break
    for future in pending:
        path, sha = article.pop(future.key)
        try:
            line = future.result()
        except WorkerFailed as exc:
            raise InputError(str(exc)) from None
        except Exception as exc:  # e.g. the scheduler gave up after the article killed workers
            line = {"path": path, "error": f"{path}: {type(exc).__name__}: {exc}", "sha256": sha}
        finally:
            future.release()
        yield line
        submit()


def open_on_worker(settings: Settings, index: str | None) -> Verifier:
    """The run's session, opened on a worker; from the shipped index when given, so the
    worker needs no corpus folder (the client brought the index up to date first)."""
    if index is None:
        return Verifier.open(settings)
    from verifier.corpus.filters import filtered
    from verifier.corpus.index.read import IndexedCorpus
    from verifier.corpus.memory import BUNDLED_CORPUS
    from verifier.session import doc_filter

    folder = settings.corpus.folder
    root = Path(folder) if folder else BUNDLED_CORPUS
    space = filtered(IndexedCorpus(index, root=root), doc_filter(settings.corpus))
    return Verifier(space, settings=settings)


def source_for(
    settings: Settings, *, scheduler: str, jobs: int, ship_index: bool, timeout: float,
) -> Callable[[list[tuple[str, str | None]]], Iterator[dict[str, Any]]]:
    """The batch's line source on a cluster, for ``run_batch(source=...)``.

    With ``ship_index`` the client opens the corpus first (building or updating its index),
    then sends that index file to every worker.
    """
    import functools

    require_dask()
    shipped: Path | None = None
    if ship_index:
        from verifier.corpus.index import default_index_path
        from verifier.corpus.memory import BUNDLED_CORPUS
        from verifier.session import open_space

        options = settings.corpus
        if options.transcripts or not options.use_index:
            raise InputError("--ship-index needs a corpus folder with an index (not --transcript/--no-index)")
        open_space(options)
        root = Path(options.folder) if options.folder else BUNDLED_CORPUS
        shipped = Path(options.index) if options.index else default_index_path(root)
        if not shipped.is_file():
            raise InputError("no index to ship; build it with `quotecheck index`", path=str(shipped))
    return functools.partial(
        results, opener=functools.partial(open_on_worker, settings), scheduler=scheduler, jobs=jobs,
        ship_index=shipped, timeout=timeout,
    )
