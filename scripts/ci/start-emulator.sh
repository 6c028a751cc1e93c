#!/usr/bin/env bash
# Starts the emulator in the background for the rest of a CI job and waits until it accepts requests.
# Writes `url`, `access-key-id`, `access-key-secret` and `pid` to $GITHUB_OUTPUT (the emulator's test
# credentials, not secrets). Arguments go to the emulator (emulator/cli.ts), e.g. --zone example.com.
#
#   scripts/ci/start-emulator.sh --zone example.com
set -euo pipefail
cd "$(dirname "$0")/../.."

logs="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/emulator"
mkdir -p "$logs"
# tsx as a loader, not its CLI: one process, so its pid is the emulator's and a signal reaches it directly.
node --import tsx emulator/cli.ts "$@" >"$logs/stdout" 2>"$logs/stderr" &
pid=$!

# The banner (emulator/cli.ts): the URL first, then `name: value` lines; wait for the secret, its last line.
for _ in $(seq 1 300); do
  if grep -q '^access-key-secret: ' "$logs/stdout" 2>/dev/null; then
    url=$(sed -n 's/^listening on //p' "$logs/stdout")
    {
      echo "url=$url"
      echo "access-key-id=$(sed -n 's/^access-key-id: //p' "$logs/stdout")"
      echo "access-key-secret=$(sed -n 's/^access-key-secret: //p' "$logs/stdout")"
      echo "pid=$pid"
    } >>"${GITHUB_OUTPUT:-/dev/stdout}"
    echo "Emulator listening on $url (pid $pid, log in $logs)."
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1
done
echo "::error::The emulator did not start within 30 s." >&2
cat "$logs/stdout" "$logs/stderr" >&2 || true
kill "$pid" 2>/dev/null || true
exit 1
