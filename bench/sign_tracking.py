#!/usr/bin/env python3
"""Signed carrier tracking callbacks for the tracking-push scenario (bench/run.sh): one line per parcel
"webhook-id<TAB>webhook-timestamp<TAB>webhook-signature<TAB>body", the parcel's waybill BT + 11 digits, state PICKED_UP,
signed as Standard Webhooks with local mode's published secret. Signed just before the run: the app accepts a
timestamp within 5 minutes.

usage: sign_tracking.py <first parcel> <last parcel> > file
"""
import base64
import hashlib
import hmac
import sys
import time
import uuid

SECRET = base64.b64decode("YmFuaGFvLWxvY2FsLXdlYmhvb2stc2VjcmV0LW9ubHk=")


def main():
    first, last = int(sys.argv[1]), int(sys.argv[2])
    ts = str(int(time.time()))
    out = sys.stdout
    for n in range(first, last + 1):
        body = ('{"waybillNo":"BT%011d","state":"PICKED_UP","opTime":"2026-12-03T09:00:00+08:00","opDesc":"已揽收"}' % n)
        wid = str(uuid.uuid4())
        mac = hmac.new(SECRET, (wid + "." + ts + "." + body).encode(), hashlib.sha256).digest()
        out.write("%s\t%s\tv1,%s\t%s\n" % (wid, ts, base64.b64encode(mac).decode(), body))


if __name__ == "__main__":
    main()
