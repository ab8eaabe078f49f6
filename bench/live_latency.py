"""How long a resident waits for the live progress event of their own submission (issue 11: under one second on
one node). Logs a resident in, keeps their /api/v1/me/events stream open, submits drafts one after another and
times each from sending the submit request to the SUBMITTED event arriving on the stream: the request's own work,
the commit, the outbox hand-over and the Redis fan-out, as the resident experiences it. Standard library only.
Usage: live_latency.py BASE_URL [COUNT] [PHONE]; prints one JSON line {count, p50Ms, p95Ms, maxMs, missed}.
"""
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 30
PHONE = sys.argv[3] if len(sys.argv) > 3 else "15990009999"
ITEM = "HN-WJW-GGCSWSXK"
WAIT_S = 10


def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read() or b"{}")


def login():
    code = call("POST", "/api/v1/auth/otp", {"phone": PHONE})["devCode"]
    return call("POST", "/api/v1/auth/login", {"phone": PHONE, "code": code})["accessToken"]


def listen(token, arrivals, ready):
    """Reads the event stream, putting (applicationNo, toState, arrival time) on the queue."""
    url = urllib.parse.urlsplit(BASE)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=WAIT_S * 6)
    connection.request("GET", "/api/v1/me/events", headers={"Authorization": "Bearer " + token,
                                                            "Accept": "text/event-stream"})
    stream = connection.getresponse()
    if stream.status != 200:
        raise SystemExit(f"event stream answered {stream.status}")
    ready.set()
    for raw in stream:
        line = raw.decode("utf-8").rstrip("\r\n")
        if line.startswith("data:"):
            event = json.loads(line[5:].strip())
            arrivals.put((event.get("applicationNo"), event.get("toState"), time.perf_counter()))


def main():
    token = login()
    arrivals, ready = queue.Queue(), threading.Event()
    threading.Thread(target=listen, args=(token, arrivals, ready), daemon=True).start()
    if not ready.wait(WAIT_S):
        raise SystemExit("the event stream did not open")
    time.sleep(0.5)  # the subscription is registered right after the stream answers
    waits, missed = [], 0
    for i in range(COUNT):
        form = {"companyName": f"实时进度测试{i}", "businessAddress": "长沙市芙蓉区五一大道 1 号",
                "legalRepresentative": "张三", "phone": "13800138000"}
        number = call("POST", "/api/v1/applications", {"itemCode": ITEM, "formData": form}, token)["applicationNo"]
        sent = time.perf_counter()
        call("POST", f"/api/v1/applications/{number}/submit", {"commitment": {"accepted": True}}, token)
        deadline = sent + WAIT_S
        while True:
            try:
                no, state, at = arrivals.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                missed += 1
                break
            if no == number and state == "SUBMITTED":
                waits.append((at - sent) * 1000)
                break
    waits.sort()
    pick = lambda q: round(waits[min(len(waits) - 1, int(q * len(waits)))], 1) if waits else None
    print(json.dumps({"count": len(waits), "p50Ms": pick(0.5), "p95Ms": pick(0.95),
                      "maxMs": round(waits[-1], 1) if waits else None, "missed": missed}))


main()
