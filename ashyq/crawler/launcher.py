"""Crawl processes forked from a warm one.

A crawl runs in a process of its own (a Twisted reactor cannot be restarted). A new interpreter pays
about 1.3 s of CPU to import Scrapy, Twisted, SQLAlchemy and the spiders, and more while Scrapy loads
the components its settings name, before the first request. A program that runs many crawls (a
nightly's parts, a queue worker's jobs, the test suite) paid that for every crawl.

So the first crawl of a program starts one *warm* process (``python -m ashyq.crawler.launcher``): it
imports what a crawl imports, and the components the crawl settings name, and then forks a child for
each crawl it is asked for. The child is what ``python -m ashyq.crawler.process JOB`` (or
``ashyq.crawler.entities``, the entity-list harvest) would be:

* it takes the environment and the working directory of the moment it is asked for (not those the
  warm process started with), its stdin is ``/dev/null``, its stdout the caller's pipe, its stderr the
  caller's log;
* its command line names the job, as a new crawl process's does (``ps`` and ``/proc`` show which run
  it serves);
* its exit code reaches the caller as :mod:`subprocess` gives it (negative: ended by that signal).

The warm process installs no reactor, starts no thread and opens no connection (checked before it
says it is ready), so a child starts as clean as a new interpreter, apart from the modules already
imported. It ignores Ctrl-C (the crawl it forked gets it, as a crawl process always did) and goes
when its program goes: its stdin, where the requests come, reads end-of-file. A child whose program
died notices as before (its parent changed, or its stdout pipe broke) and stops.

Only pipes join them (the requests on the warm process's stdin, its answers on its stdout, and for
each crawl two named pipes in a private folder, opened by both sides before the fork: the crawl's
stdout, and its exit code), so the crawler room still opens no socket of any kind.

``ASHYQ_CRAWL_FORK=0`` starts each crawl as a new interpreter instead; so does a program whose warm
process could not start (the reason is printed once on stderr).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import IO, Any, Protocol

from ashyq.net.socket_guard import install_from_environment
from ashyq.store.leases import process_stat

FORK_VARIABLE = "ASHYQ_CRAWL_FORK"
# the programs a warm process runs: the crawl, and the entity-list harvest of ``ashyq bodies sync``
ENTRY_POINTS = ("ashyq.crawler.process", "ashyq.crawler.entities")
# what the entry points import only once a crawl runs (its scheduler, pipeline, renderer, spiders)
WARM_MODULES = (
    "ashyq.crawler.render",
    "ashyq.crawler.scheduler",
    "ashyq.crawler.storing",
    "ashyq.crawler.spiders.govkz_entities",
)
READY_SECONDS = 120  # a warm-up on a loaded machine: the imports of a crawl process, a few seconds
# what the caller gets when the warm process is gone before it told a child's exit code: the code of a
# crawl process that found its coordinator gone (ashyq.crawler.process)
ORPHANED = 3


class Crawl(Protocol):
    """A running crawl process: its progress lines on ``stdout`` (None when they go to its log), its
    exit code from :meth:`wait` (``subprocess.TimeoutExpired`` after ``timeout`` seconds)."""

    pid: int
    stdout: IO[str] | None

    def wait(self, timeout: float | None = None) -> int: ...

    def kill(self) -> None: ...


def read_job(argv: list[str] | None, module: str) -> dict[str, Any] | None:
    """The job of a crawl program (``python -m <module> JOB.json``), read from its one argument; None,
    after the usage on stderr, when it is not given exactly one."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write(f"usage: python -m {module} JOB.json\n")
        return None
    job: dict[str, Any] = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    return job


def start_crawl(
    job_path: Path,
    log_path: Path,
    env: dict[str, str],
    module: str = "ashyq.crawler.process",
    stdout_to_log: bool = False,
) -> Crawl:
    """Start ``python -m <module> JOB``: forked from this program's warm process or, where that is off
    or could not start, as a new interpreter. Its stderr (and its stdout, with ``stdout_to_log``) is
    appended to ``log_path``; otherwise its stdout is a pipe to read."""
    if module not in ENTRY_POINTS:
        raise ValueError(f"not a crawl program: {module}")
    job_path, log_path = Path(job_path).absolute(), Path(log_path).absolute()
    if os.environ.get(FORK_VARIABLE, "1").strip().lower() not in ("0", "no", "false", "off"):
        for _ in range(2):  # a warm process that died is started again, once
            launcher = _warm_launcher()
            if launcher is None:
                break
            try:
                return launcher.start_job(module, job_path, log_path, env, stdout_to_log)
            except OSError:
                _forget(launcher)
    return _NewInterpreter(module, job_path, log_path, env, stdout_to_log)


class _NewInterpreter:
    def __init__(self, module: str, job_path: Path, log_path: Path, env: dict[str, str], stdout_to_log: bool) -> None:
        with log_path.open("ab") as log:
            self._child = subprocess.Popen(
                [sys.executable, "-m", module, str(job_path)],
                stdout=log if stdout_to_log else subprocess.PIPE,
                stderr=log,
                env=env,
                text=True,
                encoding="utf-8",
            )
        self.pid = self._child.pid
        self.stdout = self._child.stdout

    def wait(self, timeout: float | None = None) -> int:
        return self._child.wait(timeout)

    def kill(self) -> None:
        self._child.kill()


class _Forked:
    def __init__(self, pid: int, stdout: IO[str] | None, status: int) -> None:
        self.pid = pid
        self.stdout = stdout
        self._status = status
        self._told = b""
        self._code: int | None = None

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._code is None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([self._status], [], [], left)[0]:
                raise subprocess.TimeoutExpired(f"crawl process {self.pid}", timeout or 0)
            chunk = os.read(self._status, 4096)
            self._told += chunk
            if b"\n" in self._told:
                self._code = int(json.loads(self._told.split(b"\n", 1)[0])["exit"])
            elif not chunk:  # the warm process is gone: its child stops once it sees that (see ORPHANED)
                while _alive(self.pid):
                    time.sleep(0.2)
                self._code = ORPHANED
            if self._code is not None:
                os.close(self._status)
                if self.stdout is not None:
                    self.stdout.close()
        return self._code

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its parent to read its end does not)."""
    fields = process_stat(pid)
    return fields is not None and fields[0] != "Z"


class _Launcher:
    """The caller's side of one warm process: its requests on the warm process's stdin, one at a time,
    each answered on its stdout."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ashyq.crawler.launcher"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        answer = self._answer(READY_SECONDS)
        if not answer.get("ready"):
            self.close()
            raise OSError(f"the warm crawl process did not start: {answer.get('error')}")

    def _answer(self, timeout: float) -> dict[str, Any]:
        assert self.process.stdout is not None
        fd, line = self.process.stdout.fileno(), b""
        deadline = time.monotonic() + timeout
        while not line.endswith(b"\n"):
            if not select.select([fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
                return {"error": f"no answer in {timeout:.0f} s"}
            chunk = os.read(fd, 1)  # byte by byte: the next answer is another request's
            if not chunk:
                return {"error": "it ended"}
            line += chunk
        answer: dict[str, Any] = json.loads(line)
        return answer

    def start_job(
        self, module: str, job_path: Path, log_path: Path, env: dict[str, str], stdout_to_log: bool
    ) -> _Forked:
        folder = Path(tempfile.mkdtemp(prefix="ashyq-crawl-"))  # private (0700): the two named pipes
        opened: list[int] = []
        try:
            fifos = {name: folder / name for name in ("status", "stdout")}
            for fifo in fifos.values():
                os.mkfifo(fifo, 0o600)
            # read ends first (not blocking: no writer yet); the warm process opens the write ends
            status = os.open(fifos["status"], os.O_RDONLY | os.O_NONBLOCK)
            opened.append(status)
            stdout = -1 if stdout_to_log else os.open(fifos["stdout"], os.O_RDONLY | os.O_NONBLOCK)
            opened.append(stdout)
            try:
                cwd: str | None = os.getcwd()
            except OSError:  # the caller's folder was removed: the child keeps the warm process's
                cwd = None
            request = {
                "module": module,
                "job": str(job_path),
                "env": env,
                "cwd": cwd,
                "status": str(fifos["status"]),
                "stdout": str(log_path if stdout_to_log else fifos["stdout"]),
                "stderr": str(log_path),
            }
            with self.lock:
                assert self.process.stdin is not None
                self.process.stdin.write(json.dumps(request).encode() + b"\n")
                self.process.stdin.flush()
                answer = self._answer(READY_SECONDS)
            if "pid" not in answer:
                raise OSError(str(answer.get("error")))
            for fd in opened:
                if fd >= 0:
                    os.set_blocking(fd, True)
        except BaseException:
            for fd in opened:
                if fd >= 0:
                    os.close(fd)
            raise
        finally:
            shutil.rmtree(folder, ignore_errors=True)  # both ends are open: the names are no longer needed
        text = None if stdout < 0 else open(stdout, encoding="utf-8")  # noqa: SIM115 - closed by wait()
        return _Forked(int(answer["pid"]), text, status)

    def close(self) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


_launcher: _Launcher | None = None
_refused: str | None = None  # why this program's warm process could not start
_launcher_lock = threading.Lock()


def _warm_launcher() -> _Launcher | None:
    global _launcher, _refused
    with _launcher_lock:
        if _launcher is not None and _launcher.owner != os.getpid():
            _launcher = None  # a forked program starts its own: the pipes are its parent's
            _refused = None
        if _launcher is None and _refused is None:
            try:
                _launcher = _Launcher()
            except OSError as error:
                _refused = str(error)
                sys.stderr.write(f"crawls start as new interpreters: {error}\n")
        return _launcher


def _forget(launcher: _Launcher) -> None:
    global _launcher
    with _launcher_lock:
        if _launcher is launcher:
            _launcher = None
    launcher.close()


@atexit.register
def _close_at_exit() -> None:
    if _launcher is not None and _launcher.owner == os.getpid():
        _launcher.close()


# ------------------------------------------------------------------------------ the warm process


def _warm_up() -> None:
    """Import what a crawl imports: the crawl programs, and every component the crawl settings and
    Scrapy's defaults name (Scrapy would import them while building each crawler)."""
    import importlib

    import scrapy.settings.default_settings as defaults
    from scrapy.utils.misc import load_object

    from ashyq.crawler import settings

    for module in (*ENTRY_POINTS, *WARM_MODULES):
        importlib.import_module(module)
    with contextlib.suppress(ImportError):  # the browser's driver, for the spiders that render pages
        from ashyq.net.browser import load_driver

        load_driver()
    # the public suffix list's lookup tree, built on the first question (70 ms; a crawl's cookies and site
    # scope ask it): built once here, every forked crawl inherits it
    from ashyq.crawler.middlewares.cookies import is_public_suffix

    is_public_suffix("gov.kz")
    with contextlib.suppress(ImportError):  # a child names its job on its command line (see _child)
        from setproctitle import getproctitle

        getproctitle()
    named: set[str] = {settings.MAPPED_HANDLER, settings.EGRESS_RESOLVER}
    named |= {path for path in settings.DOWNLOADER_MIDDLEWARES}
    named |= {path for path in settings.DOWNLOAD_HANDLERS.values() if path}
    for value in vars(defaults).values():
        found = value.keys() if isinstance(value, dict) else [value]
        named |= {path for path in found if isinstance(path, str) and path.startswith("scrapy.") and "." in path[7:]}
    for path in sorted(named):
        try:
            load_object(path)
        except Exception:  # a component this machine lacks (an optional library): the crawl says so itself
            continue


def _say(message: dict[str, Any]) -> None:
    os.write(1, json.dumps(message).encode() + b"\n")


def serve() -> int:
    install_from_environment()  # the socket guard, when asked for: its forked crawls keep it
    try:
        _warm_up()
        if "twisted.internet.reactor" in sys.modules:
            raise RuntimeError("warming up installed a reactor")
        if threading.active_count() != 1:
            raise RuntimeError(f"warming up started threads: {[t.name for t in threading.enumerate()]}")
    except Exception as error:  # told to the caller, who starts new interpreters instead
        _say({"error": f"{type(error).__name__}: {error}"})
        return 1
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the crawls (and the program)
    wake_read, wake_write = os.pipe()
    for fd in (wake_read, wake_write):
        os.set_blocking(fd, False)
    signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    children: dict[int, int] = {}  # a child's pid -> the write end of its status pipe
    pending = b""
    _say({"ready": True})
    while True:
        try:
            readable = select.select([0, wake_read], [], [])[0]
        except InterruptedError:
            readable = []
        if wake_read in readable:
            with contextlib.suppress(BlockingIOError):
                while os.read(wake_read, 512):
                    pass
        if 0 in readable:
            chunk = os.read(0, 1 << 16)
            if not chunk:
                return 0  # the program is gone
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                _start(json.loads(line), children, (wake_read, wake_write))
        while children:
            try:
                pid, wait_status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            status = children.pop(pid, None)
            if status is not None:
                with contextlib.suppress(OSError):  # the caller is gone; so is its crawl, soon
                    os.write(status, json.dumps({"exit": os.waitstatus_to_exitcode(wait_status)}).encode() + b"\n")
                os.close(status)


def _start(request: dict[str, Any], children: dict[int, int], own: tuple[int, int]) -> None:
    """Open the child's ends (the caller's read ends are open: these do not block), fork, answer."""
    opened: list[int] = []
    try:
        if request.get("module") not in ENTRY_POINTS:
            raise ValueError(f"not a crawl program: {request.get('module')}")
        append = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        opened.append(os.open(request["status"], os.O_WRONLY))
        opened.append(os.open(request["stdout"], append, 0o644))
        opened.append(os.open(request["stderr"], append, 0o644))
        pid = os.fork()
    except (OSError, ValueError, KeyError) as error:
        for fd in opened:
            os.close(fd)
        _say({"error": f"{type(error).__name__}: {error}"})
        return
    status, stdout, stderr = opened
    if pid == 0:
        code = 1
        try:
            for fd in (*own, status, *children.values()):
                os.close(fd)
            code = _child(request, stdout, stderr)
        finally:
            os._exit(code)
    os.close(stdout)
    os.close(stderr)
    children[pid] = status
    _say({"pid": pid})


def _child(request: dict[str, Any], stdout: int, stderr: int) -> int:
    """The forked crawl: set up as a new ``python -m <module> JOB`` would be, then run."""
    import importlib

    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    nothing = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nothing, 0)
    os.dup2(stdout, 1)
    os.dup2(stderr, 2)
    for fd in (nothing, stdout, stderr):
        os.close(fd)
    program = importlib.import_module(str(request["module"]))
    job = str(request["job"])
    sys.argv = [str(program.__file__), job]
    try:  # before the environment changes: setproctitle finds the command line's memory through it
        from setproctitle import setproctitle

        setproctitle(f"{sys.executable} -m {request['module']} {job}")
    except ImportError:
        pass
    os.environ.clear()
    os.environ.update(request["env"])
    if request.get("cwd"):
        os.chdir(request["cwd"])
    try:
        code = program.main([job])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if not isinstance(stop.code, int | None):
            sys.stderr.write(f"{stop.code}\n")
    except BaseException:  # as an interpreter would: the traceback on stderr, exit code 1
        traceback.print_exc()
        code = 1
    exit_functions = getattr(atexit, "_run_exitfuncs", None)
    if exit_functions is not None:
        exit_functions()  # what an interpreter runs at its end (logging flushes its handlers)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    return int(code)


if __name__ == "__main__":
    sys.exit(serve())
