#!/usr/bin/env bash
# Certificates for tests and demos of TLS and mutual TLS, made with openssl:
#   tools/make-test-certs.sh DIR [--days N]
# writes into DIR
#   ca.pem, ca.key             a certificate authority (CN "CPN test CA")
#   server.pem, server.key     a server certificate for localhost and 127.0.0.1, signed by the CA
#   client.pem, client.key     a client certificate (CN "cpn-console"), signed by the CA
#   other-ca.pem, other-ca.key another CA, for "wrong CA" cases
#   expired.pem, expired.key   a server certificate for localhost whose validity has ended
#   wrong-host.pem, wrong-host.key  a server certificate for another name (cpn.example.org)
# Keys are EC P-256 and readable by their owner only. Not for production: the CA key lies next to
# what it signed.
set -euo pipefail

usage() { echo "usage: $0 DIR [--days N]" >&2; exit 2; }
[ $# -ge 1 ] || usage
dir=$1
shift
days=825
while [ $# -gt 0 ]; do
  case "$1" in
    --days) [ $# -ge 2 ] || usage; days=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $days =~ ^[0-9]+$ ]] || { echo "make-test-certs: --days wants a whole number" >&2; exit 2; }
command -v openssl >/dev/null || { echo "make-test-certs: openssl is needed (apt-get install openssl)" >&2; exit 1; }

mkdir -p "$dir"
cd "$dir"
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ca() { # name CN
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -sha256 -days "$days" -subj "/O=CPN Console/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$1.pem"
}

# leaf NAME CN USAGE SAN [START END]: signed by ca.pem; START/END (YYYYMMDDHHMMSSZ) fix the validity
leaf() {
  local name=$1 cn=$2 usage=$3 san=$4 start=${5:-} end=${6:-}
  key "$name.key"
  openssl req -new -key "$name.key" -subj "/O=CPN Console/CN=$cn" -out "$work/$name.csr"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$usage"
    [ -z "$san" ] || echo "subjectAltName=$san"
  } >"$work/$name.ext"
  if [ -n "$start" ]; then
    # openssl x509 -req has no start date: sign with `openssl ca` in a scratch database
    mkdir -p "$work/db"
    : >"$work/db/index.txt"
    echo 01 >"$work/db/serial"
    cat >"$work/db/ca.cnf" <<EOF
[ca]
default_ca = test
[test]
database = $work/db/index.txt
serial = $work/db/serial
new_certs_dir = $work/db
default_md = sha256
policy = any
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
EOF
    openssl ca -batch -notext -config "$work/db/ca.cnf" -cert ca.pem -keyfile ca.key -in "$work/$name.csr" \
      -startdate "$start" -enddate "$end" -extfile "$work/$name.ext" -out "$name.pem" 2>/dev/null
  else
    openssl x509 -req -in "$work/$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days "$days" \
      -extfile "$work/$name.ext" -out "$name.pem" 2>/dev/null
  fi
}

ca ca "CPN test CA"
ca other-ca "Another CA"
leaf server localhost serverAuth "DNS:localhost,IP:127.0.0.1,IP:::1"
leaf client cpn-console clientAuth ""
leaf wrong-host cpn.example.org serverAuth "DNS:cpn.example.org"
leaf expired localhost serverAuth "DNS:localhost,IP:127.0.0.1" 20200101000000Z 20200201000000Z
rm -f ca.srl
chmod 600 ./*.key
chmod 644 ./*.pem
echo "make-test-certs: wrote $(pwd): ca.pem server.pem/.key client.pem/.key other-ca.pem expired.pem wrong-host.pem"
