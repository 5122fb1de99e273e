#!/usr/bin/env python3
"""peak_rss.py CMD [ARG...]: runs CMD with stdout to /dev/null and prints its peak
resident set size in kilobytes (getrusage(RUSAGE_CHILDREN).ru_maxrss; this process runs
nothing else, so the figure is CMD's). Exits with CMD's exit status."""
import resource
import subprocess
import sys

if len(sys.argv) < 2:
    sys.exit(__doc__)
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(status)
