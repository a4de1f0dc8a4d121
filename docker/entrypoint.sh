#!/bin/sh
set -e
case "$1" in
  api) exec node dist/apps/api/src/main.js ;;
  worker) exec node dist/apps/worker/src/main.js ;;
  cli) shift; exec node dist/apps/cli/src/main.js "$@" ;;
  *) exec "$@" ;;
esac
