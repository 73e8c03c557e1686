#!/usr/bin/env python3
"""Writes the wrk script of scripts/bench-http: POST /api/v1/assessments with a mix of the served demo's addresses.

Usage: bench-http-requests.py BASE-URL OUT.lua [N]

Half the requests name an address ("Street 12, Town"), half give a point near an address (within about 150 m, so
also in fields and on roads); forms and sizes vary. The addresses come from the running service
(GET /api/v1/layers/address), so the mix follows whatever the demo generator makes. A request the service does not
answer with 200 is left out (a point outside the municipality), so every non-2xx in the benchmark is the server's
refusal (503 overloaded), not the mix. Seeded: the same demo gives the same requests.
"""
import json
import random
import sys
import urllib.request


def fetch(url, body=None):
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def main():
    base, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    features, offset = [], 0
    while True:
        status, page = fetch(f"{base}/api/v1/layers/address?limit=1000&offset={offset}&crs=CRS84")
        if status != 200:
            sys.exit(f"GET /api/v1/layers/address answered {status}")
        got = json.loads(page)["features"]
        features += got
        if len(got) < 1000:
            break
        offset += 1000
    if not features:
        sys.exit("the served dataset has no addresses")
    rnd = random.Random(17)
    forms = [("room_rental", 2), ("room_rental", 4), ("housing_facility", 12), ("housing_facility", 40)]
    bodies, refused = [], 0
    while len(bodies) < n:
        f = rnd.choice(features)
        p, (x, y) = f["properties"], f["geometry"]["coordinates"]
        form, persons = rnd.choice(forms)
        if len(bodies) % 2 == 0:
            b = {"address": f'{p["street"]} {p["housenumber"]}, {p["town"]}', "form": form, "persons": persons}
        else:
            point = [round(x + rnd.uniform(-0.002, 0.002), 6), round(y + rnd.uniform(-0.0013, 0.0013), 6)]
            b = {"site": {"type": "Point", "coordinates": point}, "form": form, "persons": persons}
        text = json.dumps(b)
        status, _ = fetch(f"{base}/api/v1/assessments", text.encode())
        if status == 200:
            bodies.append(text)
        else:
            refused += 1
            if refused > n:
                sys.exit(f"too many requests refused ({refused}); last answer {status}")
    with open(out, "w") as w:
        w.write("-- written by scripts/bench-http-requests.py from the served demo's addresses\n")
        w.write("wrk.method = 'POST'\nwrk.headers['Content-Type'] = 'application/json'\nlocal bodies = {\n")
        for b in bodies:
            w.write("  " + json.dumps(b) + ",\n")
        w.write("}\n")
        w.write("local n = 0\n")
        w.write("request = function()\n  n = n + 1\n")
        w.write("  return wrk.format(nil, '/api/v1/assessments', nil, bodies[(n % #bodies) + 1])\nend\n")
        # one machine-readable line per run; latencies in ms
        w.write(
            "done = function(summary, latency, requests)\n"
            "  local e = summary.errors\n"
            "  io.write(string.format('RESULT %d %.3f %d %d %.3f %.3f %.3f %.3f %.3f\\n', summary.requests,\n"
            "    summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,\n"
            "    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,\n"
            "    latency.max / 1000, latency.mean / 1000))\n"
            "end\n")
    print(f"{len(bodies)} requests from {len(features)} addresses ({refused} points not assessable left out)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
