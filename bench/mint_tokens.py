#!/usr/bin/env python3
"""Access tokens for the appointment scenarios, signed with the instance's own key (local mode keeps it in
BANHAO_KEY_DIR/signing.jwk), shaped like the ones login issues: the `book` scenario needs thousands of distinct
residents at real-name level L2 (one open booking per resident and item), which no login flow makes in seconds.
usage: mint_tokens.py <key dir> resident <count>   → one L2 resident token a line (fresh resident ids)
       mint_tokens.py <key dir> admin               → one ADMIN staff token"""
import base64, json, sys, time, uuid

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def num(value: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)), "big")


def main() -> None:
    jwk = json.load(open(sys.argv[1] + "/signing.jwk"))
    key = ec.EllipticCurvePrivateNumbers(num(jwk["d"]), ec.EllipticCurvePublicNumbers(
        num(jwk["x"]), num(jwk["y"]), ec.SECP256R1())).private_key()
    header = b64(json.dumps({"alg": "ES256", "typ": "JWT", "kid": jwk.get("kid")}).encode())

    def sign(claims: dict) -> str:
        now = int(time.time())
        claims.update({"iss": "https://banhao.app", "iat": now, "exp": now + 900, "typ": "access",
                       "sid": str(uuid.uuid4()), "jti": str(uuid.uuid4())})
        payload = b64(json.dumps(claims).encode())
        r, s = decode_dss_signature(key.sign(f"{header}.{payload}".encode(), ec.ECDSA(hashes.SHA256())))
        return f"{header}.{payload}.{b64(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"

    if sys.argv[2] == "admin":
        print(sign({"sub": str(uuid.uuid4()), "aud": "banhao-staff", "groups": ["ADMIN"], "dept": "HN-ZWFW"}))
        return
    for _ in range(int(sys.argv[3])):
        print(sign({"sub": str(uuid.uuid4()), "aud": "banhao-app", "groups": ["RESIDENT"], "lvl": "L2"}))


if __name__ == "__main__":
    main()
