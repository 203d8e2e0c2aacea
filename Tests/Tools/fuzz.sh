#!/usr/bin/env bash
# Fuzzes the guidance parser (GuidanceLoader.parse: front matter, Markdown, every check) with
# libFuzzer, through the HandbillFuzz target (Sources/HandbillFuzz).
#
#   Tests/Tools/fuzz.sh [SECONDS]      # default 60; run from anywhere
#
# It builds HandbillFuzz with -sanitize=fuzzer,address into .build/fuzz (apart from the normal
# build), then fuzzes for SECONDS starting from the seed corpus: Tests/HandbillTests/Hostile/
# (the hostile-input corpus) and Guidance/sextortion/ (the real guidance and its translations).
# What the fuzzer learns is kept in .build/fuzz-corpus for the next run.
#
# A crash, a hang (over 10 s for one input), more than 2 GB of memory, or a diagnostic without a
# file and line (FuzzTarget.checkPlaces) stops it, saves the input to .build/fuzz-artifacts/ and
# exits non-zero. Replay one with the normal build, `swift run HandbillFuzz FILE`; once fixed, add
# it to Tests/HandbillTests/Hostile/ with a case in HostileInputTests.swift.
#
# FUZZ_WORKERS=N runs N fuzzing processes at once (libFuzzer's -fork). Needs the swift.org
# toolchain (libclang_rt.fuzzer), which Linux builds ship.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
workers="${FUZZ_WORKERS:-1}"

# -DFUZZING swaps the replaying @main for libFuzzer's driver (Sources/HandbillFuzz/FuzzerMain.swift);
# the C of libyaml is instrumented too (-fsanitize=fuzzer-no-link), so YAML paths guide the fuzzer.
swift build -c release --product HandbillFuzz --scratch-path .build/fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
    -Xswiftc -enable-experimental-feature -Xswiftc Extern \
    -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "prohibited flag" || true
binary=.build/fuzz/release/HandbillFuzz
[ -x "$binary" ] || { echo "fuzz.sh: the build failed" >&2; exit 1; }

mkdir -p .build/fuzz-corpus .build/fuzz-artifacts
fork=()
[ "$workers" -gt 1 ] && fork=(-fork="$workers" -ignore_crashes=0)
# The first folder is where libFuzzer writes new inputs; the others are only read.
exec "$binary" "${fork[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=Tests/Tools/fuzz.dict -artifact_prefix=.build/fuzz-artifacts/ -print_final_stats=1 \
    .build/fuzz-corpus Tests/HandbillTests/Hostile Guidance/sextortion
