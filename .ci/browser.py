"""Headless Chromium for the browser checks (`check_pad.py`, `check_page.py`): Debian's `chromium`, driven by Playwright.

`chromium()` is a context manager giving a Playwright browser. Where Chromium cannot be found or started, it prints
why and exits with status 77 (a skip, as in automake's tests), which `.ci/run` accepts only where Chromium could not be
installed."""
import contextlib, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--no-first-run', '--disable-sync', '--disable-quic']

def skip(why):
    print(f'SKIP: {why}'); sys.exit(77)

def executable():
    "Chromium's path: $CHROMIUM, else `chromium` on the PATH."
    exe = os.environ.get('CHROMIUM') or shutil.which('chromium') or shutil.which('chromium-browser')
    if not exe: skip('no Chromium here (install it: apt-get install -y chromium)')
    return exe

@contextlib.contextmanager
def chromium():
    try: from playwright.sync_api import sync_playwright
    except ImportError: skip('Playwright is not installed (pip install playwright)')
    with sync_playwright() as p:
        try: browser = p.chromium.launch(executable_path=executable(), headless=True, args=FLAGS)
        except Exception as e: skip(f'Chromium would not start: {str(e).splitlines()[0]}')
        try: yield browser
        finally: browser.close()

def free_port()->int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

@contextlib.contextmanager
def serving(cmd:list, url:str, timeout:float=120, **kw):
    "Start `cmd` (a server), wait until `url` answers, stop it afterwards; its output goes to a log shown if it fails."
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kw)
    tail = lambda: (log.seek(0), log.read().decode(errors='replace')[-3000:])[1]
    try:
        t0 = time.time()
        while True:
            try: urllib.request.urlopen(url, timeout=5); break
            except Exception:
                if proc.poll() is not None: raise RuntimeError(f'{cmd[0]} exited with status {proc.returncode} before serving {url}:\n{tail()}')
                if time.time() - t0 > timeout: raise RuntimeError(f'{url} did not answer within {timeout} s')
                time.sleep(0.5)
        yield proc
    finally:
        proc.terminate()
        try: proc.wait(10)
        except subprocess.TimeoutExpired: proc.kill()
