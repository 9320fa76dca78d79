#!/usr/bin/env bash
# Scores Veil's detection on the dev corpus, the held-out hard corpora and the generator batches.
#   scripts/eval.sh            # all corpora
#   scripts/eval.sh FILE...    # only these corpora
set -euo pipefail
cd "$(dirname "$0")/.."
SCORER=../shared/eval/score.mjs
if [ "$#" -gt 0 ]; then corpora=("$@"); else
  corpora=(../shared/eval/dev-corpus.jsonl test/fixtures/eval/hard-corpus.jsonl)
  for n in 2 3 4 5 6 7 8 9 10 11; do
    [ -f "test/fixtures/eval/hard-corpus-$n.jsonl" ] && corpora+=("test/fixtures/eval/hard-corpus-$n.jsonl")
  done
  # generator batches (build-gen.mjs): dev-corpus value styles in unseen templates
  for n in a b c d; do
    [ -f "test/fixtures/eval/gen-$n.jsonl" ] && corpora+=("test/fixtures/eval/gen-$n.jsonl")
  done
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for c in "${corpora[@]}"; do
  echo "== $c"
  npx tsx src/cli/veil.ts scan < "$c" > "$out"
  node "$SCORER" "$c" "$out"
done
