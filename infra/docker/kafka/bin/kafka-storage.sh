#!/bin/sh
KAFKA_OPTS="-Dkafka.root.level=WARN ${KAFKA_OPTS:-}" exec kafka-run-class kafka.tools.StorageTool "$@"
