#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on machines without access to binaries.prisma.sh.
# `prisma generate` and `prisma validate` never run it; every command that does (migrate, db) fails loudly instead of
# silently doing nothing. The Prisma CLI drops the first stderr line and reads the rest as JSON log lines.
msg="Prisma's native schema engine is not available on this machine: use npm run prisma:offline -- migrate dev|deploy|status <projectRoot> or check <projectRoot>"
echo "$msg" >&2
printf '{"level":"ERROR","target":"schema_engine::logger","fields":{"message":"%s"}}\n' "$msg" >&2
exit 1
