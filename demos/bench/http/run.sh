#!/bin/sh
# The HTTP benchmark (not a test): framekit's http-server beside the JDK's HttpServer in one run,
# keep-alive GET / and POST /echo of 1 KiB, 100 connections, with wrk (Debian: apt-get install wrk).
# Prints one line per trial: server, workload, requests/s, p50, p99, server CPU ms per 1,000 requests;
# then, per workload, framekit's requests/s over the JDK's, pair by pair (a pair is the two trials
# of one round, back to back), as the median [lowest-highest] of the pairs, and both servers'
# median p99. Both servers start first; trials interleave between them (see below).
#
#   demos/bench/http/run.sh [TRIALS] [SECONDS]       (default 5 trials of 10 s; build the jar first)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
launcher="$here/../../framekit"   # framekit as users run it (the Vector API scan where the JDK has it)
java="${JAVA:-$("$here/../../../.ci/find-jdk")/bin/java}"   # a JDK 21+ for the JDK's server
trials="${1:-5}"
seconds="${2:-10}"
connections=100
hz=$(getconf CLK_TCK)
results=$(mktemp)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_server() { # name port -> sets pid
    case "$1" in
        framekit) "$launcher" http-server --host 127.0.0.1 --port "$2" --idle-timeout 0 >/dev/null 2>&1 & ;;
        jdk) "$java" "$here/JdkHttpServer.java" "$2" >/dev/null 2>&1 & ;;
    esac
    pid=$!
    i=0
    until curl -s -o /dev/null "http://127.0.0.1:$2/"; do
        i=$((i + 1)); [ "$i" -lt 100 ] || { echo "$1 did not start" >&2; exit 1; }; sleep 0.2
    done
}

trial() { # name port workload
    url="http://127.0.0.1:$2/"
    script=""
    if [ "$3" = "echo-1k" ]; then url="http://127.0.0.1:$2/echo"; script="-s $here/echo-1k.lua"; fi
    before=$(cpu_ticks "$pid")
    # shellcheck disable=SC2086
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency $script "$url")
    after=$(cpu_ticks "$pid")
    echo "$out" | awk -v name="$1" -v load="$3" -v round="$4" -v ticks=$((after - before)) -v hz="$hz" -v results="$results" '
        function ms(t) { # wrk latency (812.00us, 1.39ms, 1.02s) in ms
            if (t ~ /us$/) return t / 1000; if (t ~ /ms$/) return t + 0; if (t ~ /m$/) return t * 60000; return t * 1000 }
        /Requests\/sec/ {rps = $2}
        /^ +50%/ {p50 = $2}
        /^ +99%/ {p99 = $2}
        /requests in/ {n = $1}
        /Non-2xx|Socket errors/ {errors = errors " " $0}
        END {printf "%-9s %-8s %10.0f req/s  p50 %-8s p99 %-8s cpu %.3f ms/1k req%s\n",
             name, load, rps, p50, p99, ticks * 1000.0 / hz / n * 1000, errors
             printf "%s %s %s %s %s\n", load, round, name, rps, ms(p99) >> results}'
}

# Per workload: framekit's req/s over the JDK's in each round, median [lowest-highest]; median p99 of each.
summary() {
    echo
    for load in get echo-1k; do
        awk -v load="$load" '
            function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
            $1 == load { rps[$3, $2] = $4; p99[$3, ++count[$3]] = $5; rounds[$2] = 1 }
            END {
                n = 0; for (r in rounds) if ((("framekit", r) in rps) && (("jdk", r) in rps)) ratio[++n] = rps["framekit", r] / rps["jdk", r]
                low = ratio[1]; high = ratio[1]; for (i = 1; i <= n; i++) { if (ratio[i] < low) low = ratio[i]; if (ratio[i] > high) high = ratio[i] }
                for (i = 1; i <= count["framekit"]; i++) f[i] = p99["framekit", i]; for (i = 1; i <= count["jdk"]; i++) j[i] = p99["jdk", i]
                printf "%-8s framekit/jdk %.2fx [%.2f-%.2f] over %d rounds; p99 framekit %.1f ms, jdk %.1f ms (medians)\n",
                    load, median(ratio, n), low, high, n, median(f, count["framekit"]), median(j, count["jdk"]) }' "$results"
    done
}

# Both servers run side by side and the trials interleave (framekit, jdk, jdk, framekit, ...), so
# a change in the machine's load during the run hits both sides of each ratio alike.
port=18600
for name in framekit jdk; do
    port=$((port + 1))
    start_server "$name" "$port"
    eval "pid_$name=\$pid port_$name=\$port"
    wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/" >/dev/null   # warm-up (JIT)
    wrk -t2 -c"$connections" -d5s -s "$here/echo-1k.lua" "http://127.0.0.1:$port/echo" >/dev/null
done
trap 'kill "$pid_framekit" "$pid_jdk" 2>/dev/null || true; rm -f "$results"' EXIT
n=0
while [ "$n" -lt "$trials" ]; do
    order="framekit jdk"; [ $((n % 2)) -eq 0 ] || order="jdk framekit"
    for load in get echo-1k; do
        for name in $order; do
            eval "pid=\$pid_$name port=\$port_$name"
            trial "$name" "$port" "$load" "$n"
        done
    done
    n=$((n + 1))
done
summary
