#!/usr/bin/env bash
# Throwaway PostgreSQL 15 and Redis on 127.0.0.1, on ports that are free when they start.
#
#   scripts/services.sh start  DIR   start both in DIR (or keep the ones already running there)
#                                    and write DIR/env with ASHYQ_PG_URL and ASHYQ_REDIS_URL
#   scripts/services.sh stop   DIR   stop exactly the servers started in DIR, found by their pidfiles
#   scripts/services.sh status DIR   exit 0 if both are running
#
# DIR must be reachable by the user postgres when this runs as root (initdb refuses root), so use
# a directory under /tmp, not under /root. Nothing is persisted: fsync is off and Redis never saves.
set -euo pipefail

PG_BIN=${ASHYQ_PG_BIN:-/usr/lib/postgresql/15/bin}
REDIS_SERVER=${ASHYQ_REDIS_SERVER:-redis-server}
REDIS_CLI=${ASHYQ_REDIS_CLI:-redis-cli}
DB_NAME=ashyq

say() { echo "services: $*"; }
die() {
    echo "services: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start|stop|status DIR" >&2
    exit 2
}

require_binaries() {
    local missing=() name
    for name in initdb pg_ctl postgres psql createdb; do
        [ -x "$PG_BIN/$name" ] || missing+=("$PG_BIN/$name")
    done
    for name in "$REDIS_SERVER" "$REDIS_CLI"; do
        command -v "$name" >/dev/null 2>&1 || missing+=("$name")
    done
    if ((${#missing[@]})); then
        die "missing ${missing[*]}: run \`make setup\` (it installs PostgreSQL 15 and redis-server)"
    fi
}

# PostgreSQL refuses to run as root; as any other user it runs as that user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Prints the PID in pidfile $1 if that process is alive and its command line contains every
# other argument. This is what makes `stop` safe: a stale pidfile whose PID now belongs to some
# other process is never signalled.
owned_pid() {
    local pidfile=$1 pid cmdline marker
    shift
    [ -f "$pidfile" ] || return 1
    pid=$(head -n 1 "$pidfile" | tr -dc '0-9')
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
    for marker in "$@"; do
        [[ "$cmdline" == *"$marker"* ]] || return 1
    done
    echo "$pid"
}

# A port nothing listens on right now. Another process may take it before our server binds; the
# callers then retry with a new one.
free_port() {
    local port attempt
    for attempt in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found on 127.0.0.1"
}

wait_for_exit() {
    local pid=$1 tenths
    for tenths in $(seq 1 100); do
        [ -d "/proc/$pid" ] || return 0
        sleep 0.1
    done
    return 1
}

# ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────

pg_running_port() {
    local data=$1/pg/data
    owned_pid "$data/postmaster.pid" "$data" >/dev/null && cat "$1/pg/port"
}

start_postgres() {
    local dir=$1 pgdir=$1/pg data=$1/pg/data port attempt
    if port=$(pg_running_port "$dir"); then
        say "PostgreSQL already running on 127.0.0.1:$port"
        echo "$port" >"$dir/.pg_port"
        return 0
    fi
    mkdir -p "$pgdir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pgdir"
    as_postgres test -w "$pgdir" ||
        die "user postgres cannot reach $pgdir: use a directory under /tmp (chmod 755), not under /root"
    if [ ! -f "$data/PG_VERSION" ]; then
        as_postgres "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
            >"$pgdir/initdb.log" 2>&1 || die "initdb failed: see $pgdir/initdb.log"
    fi
    # Left by a server that died; its PID is not a postgres of this DIR (checked above).
    rm -f "$data/postmaster.pid"
    port=""
    for attempt in 1 2 3; do
        local candidate
        candidate=$(free_port)
        if as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$pgdir/log" -w -t 60 start -o \
            "-p $candidate -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            >/dev/null 2>&1 9>&-; then
            port=$candidate
            break
        fi
    done
    [ -n "$port" ] || die "PostgreSQL did not start: see $pgdir/log"
    echo "$port" >"$pgdir/port"
    if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME"
    fi
    say "PostgreSQL running on 127.0.0.1:$port (data in $data)"
    echo "$port" >"$dir/.pg_port"
}

stop_postgres() {
    local data=$1/pg/data
    if owned_pid "$data/postmaster.pid" "$data" >/dev/null; then
        as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
        say "PostgreSQL stopped"
    elif [ -f "$data/postmaster.pid" ]; then
        rm -f "$data/postmaster.pid"
        say "PostgreSQL was not running (removed a stale pidfile)"
    fi
}

# ── Redis ───────────────────────────────────────────────────────────────────────────────────

# Redis rewrites its process title to "redis-server 127.0.0.1:PORT"; that is what we match.
redis_pid() {
    local rdir=$1/redis
    [ -f "$rdir/port" ] || return 1
    owned_pid "$rdir/redis.pid" "redis-server" "127.0.0.1:$(cat "$rdir/port")"
}

# The queue is not open to whoever reaches the port: Redis speaks TLS only (a CA and a server
# certificate made for this DIR) and knows one user, "ashyq", with a random password; the default
# user is off. The password is in files only the owner reads (redis.conf, the env file), never on a
# command line, where any user of the machine could read it.
redis_secrets() {
    local rdir=$1 tls=$1/tls
    if [ ! -s "$rdir/password" ]; then
        (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$rdir/password")
    fi
    if [ ! -s "$tls/server.crt" ]; then
        mkdir -p "$tls"
        (
            umask 077
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
                -subj "/CN=ashyq throwaway queue CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
            openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
                -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
                -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
            openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial \
                -days 30 -copy_extensions copy -out "$tls/server.crt" 2>/dev/null
        ) || die "could not make the queue's TLS certificates (openssl)"
        chmod a+r "$tls/ca.crt"
    fi
    (
        umask 077
        cat >"$rdir/redis.conf" <<CONF
user default off
user ashyq on >$(cat "$rdir/password") ~* &* +@all
tls-cert-file $tls/server.crt
tls-key-file $tls/server.key
tls-ca-cert-file $tls/ca.crt
tls-auth-clients no
CONF
    )
}

redis_ping() {
    local rdir=$1 port=$2
    REDISCLI_AUTH=$(cat "$rdir/password") "$REDIS_CLI" --tls --cacert "$rdir/tls/ca.crt" \
        -h 127.0.0.1 -p "$port" --user ashyq --no-auth-warning ping 2>/dev/null
}

start_redis() {
    local dir=$1 rdir=$1/redis port attempt tenths
    mkdir -p "$rdir"
    if redis_pid "$dir" >/dev/null; then
        port=$(cat "$rdir/port")
        say "Redis already running on 127.0.0.1:$port"
        echo "$port" >"$dir/.redis_port"
        return 0
    fi
    redis_secrets "$rdir"
    for attempt in 1 2 3; do
        port=$(free_port)
        echo "$port" >"$rdir/port"
        rm -f "$rdir/redis.pid"
        "$REDIS_SERVER" "$rdir/redis.conf" --port 0 --tls-port "$port" --bind 127.0.0.1 --save '' \
            --appendonly no --dir "$rdir" --daemonize yes --pidfile "$rdir/redis.pid" \
            --logfile "$rdir/redis.log" >/dev/null 9>&-
        # The pidfile appears only after the port is bound; then wait until it answers.
        for tenths in $(seq 1 50); do
            if redis_pid "$dir" >/dev/null && [ "$(redis_ping "$rdir" "$port")" = "PONG" ]; then
                say "Redis running on 127.0.0.1:$port (TLS, user ashyq)"
                echo "$port" >"$dir/.redis_port"
                return 0
            fi
            sleep 0.1
        done
    done
    die "Redis did not start: see $rdir/redis.log"
}

stop_redis() {
    local rdir=$1/redis pid
    if pid=$(redis_pid "$1"); then
        kill -TERM "$pid"
        wait_for_exit "$pid" || die "Redis (PID $pid) did not stop within 10 s"
        say "Redis stopped"
    fi
    rm -f "$rdir/redis.pid"
}

# ── commands ────────────────────────────────────────────────────────────────────────────────

# Serialises concurrent start/stop on one DIR. The servers must not inherit the lock's file
# descriptor (every launch closes 9), or they would hold the lock for as long as they run.
lock_dir() {
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$1/.lock"
        flock 9
    fi
}

start() {
    require_binaries
    mkdir -p "$1"
    local dir
    dir=$(cd "$1" && pwd -P)
    lock_dir "$dir"
    [ "$(id -u)" -eq 0 ] && chmod a+rx "$dir"
    start_postgres "$dir"
    start_redis "$dir"
    (
        umask 077 # the Redis password is in it
        exec >"$dir/env.tmp"
        echo "ASHYQ_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$(cat "$dir/.pg_port")/$DB_NAME"
        # quoted: the URL's query has an "&", and the file is read by a shell (`. env`) and by systemd
        echo "ASHYQ_REDIS_URL='rediss://ashyq:$(cat "$dir/redis/password")@127.0.0.1:$(cat "$dir/.redis_port")/0?ssl_cert_reqs=required&ssl_ca_certs=$dir/redis/tls/ca.crt'"
    )
    mv "$dir/env.tmp" "$dir/env"
    rm -f "$dir/.pg_port" "$dir/.redis_port"
    say "wrote $dir/env"
}

stop() {
    [ -d "$1" ] || return 0
    local dir
    dir=$(cd "$1" && pwd -P)
    lock_dir "$dir"
    stop_redis "$dir"
    [ -x "$PG_BIN/pg_ctl" ] || die "missing $PG_BIN/pg_ctl: run \`make setup\`"
    stop_postgres "$dir"
    rm -f "$dir/env"
}

status() {
    [ -d "$1" ] || die "no such directory: $1"
    local dir code=0 port
    dir=$(cd "$1" && pwd -P)
    if port=$(pg_running_port "$dir"); then say "PostgreSQL running on 127.0.0.1:$port"; else say "PostgreSQL stopped"; code=3; fi
    if redis_pid "$dir" >/dev/null; then say "Redis running on 127.0.0.1:$(cat "$dir/redis/port")"; else say "Redis stopped"; code=3; fi
    return "$code"
}

[ $# -eq 2 ] || usage
case $1 in
start) start "$2" ;;
stop) stop "$2" ;;
status) status "$2" ;;
*) usage ;;
esac
