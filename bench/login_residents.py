#!/usr/bin/env python3
"""Residents for the application scenarios, logged in through the API as a phone does it (SMS code in local mode's
devCode, then login), many at once: the scenarios need thousands of residents, each holding no more open drafts than
the app lets one hold, and one after another through curl that took minutes.
usage: login_residents.py <base url> <count> <first number>   → one access token a line, phone 1590<first + i>"""
import concurrent.futures
import http.client
import json
import sys
import threading
import urllib.parse

WORKERS = 16  # a keep-alive connection each; more only queues on the 2 cores the app shares with this script

local = threading.local()


def post(base: urllib.parse.SplitResult, path: str, body: dict) -> dict:
    if getattr(local, "connection", None) is None:
        local.connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    local.connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    answer = local.connection.getresponse()
    text = answer.read()
    if answer.status >= 300:
        raise RuntimeError(f"{path}: {answer.status} {text.decode(errors='replace')[:300]}")
    return json.loads(text)


def login(base: urllib.parse.SplitResult, phone: str) -> str:
    code = post(base, "/api/v1/auth/otp", {"phone": phone})["devCode"]
    return post(base, "/api/v1/auth/login", {"phone": phone, "code": code})["accessToken"]


def main() -> None:
    base = urllib.parse.urlsplit(sys.argv[1])
    count, first = int(sys.argv[2]), int(sys.argv[3])
    phones = [f"1590{first + i:07d}" for i in range(1, count + 1)]
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        # map keeps the phones' order: line i is resident first + i in every run
        for token in pool.map(lambda phone: login(base, phone), phones):
            print(token)


if __name__ == "__main__":
    main()
