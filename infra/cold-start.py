#!/usr/bin/env python3
"""Cold start of a packaged handler, the way the Functions host starts it.

Unzips the package, starts `<defaultExecutablePath> <arguments>` from host.json with
FUNCTIONS_CUSTOMHANDLER_PORT set, polls GET / every 5 ms until the first 200, and reads VmRSS/VmHWM from
/proc right then and again after the process has idled 2 s. Repeats N times (page cache warm after the
first run) and prints each run plus the median.

    python3 infra/cold-start.py artifacts/app.zip [runs]
"""
import json, os, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request, zipfile


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024  # MiB
    return -1


def unzip(package, into):
    # ZipFile.extractall drops Unix modes; restore them from the entries' external attributes.
    with zipfile.ZipFile(package) as z:
        for info in z.infolist():
            path = z.extract(info, into)
            mode = info.external_attr >> 16
            if mode:
                os.chmod(path, mode & 0o7777)


def one_run(app, command):
    port = free_port()
    env = dict(os.environ, FUNCTIONS_CUSTOMHANDLER_PORT=str(port), AzureWebJobsStorage="UseDevelopmentStorage=true")
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=app, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError("handler exited %d: %s" % (proc.returncode, proc.stderr.read().decode()[:500]))
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.005)
        ready_ms = (time.perf_counter() - start) * 1000
        rss_ready = vm(proc.pid, "VmRSS")
        time.sleep(2)
        return ready_ms, rss_ready, vm(proc.pid, "VmRSS"), vm(proc.pid, "VmHWM")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main():
    package = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as app:
        unzip(package, app)
        with open(os.path.join(app, "host.json")) as f:
            description = json.load(f)["customHandler"]["description"]
        command = [os.path.join(app, description["defaultExecutablePath"])] + description.get("arguments", [])
        results = [one_run(app, command) for _ in range(runs)]
    for i, (ms, rss, rss_idle, hwm) in enumerate(results, 1):
        print(f"run {i}: first 200 on GET / after {ms:.0f} ms; VmRSS {rss} MiB then, {rss_idle} MiB after 2 s idle (VmHWM {hwm} MiB)")
    print(f"median: {statistics.median(r[0] for r in results):.0f} ms, VmRSS {statistics.median(r[1] for r in results)} MiB, "
          f"idle {statistics.median(r[2] for r in results)} MiB, package {os.path.getsize(package) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
