#!/bin/sh
KAFKA_OPTS="-Dkafka.root.level=WARN ${KAFKA_OPTS:-}" exec kafka-run-class org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
