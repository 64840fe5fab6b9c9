#!/usr/bin/env bash
# kafka-run-class.sh CLASS [ARGS...]: runs one of Kafka's tools, as the script of that name in
# Kafka's distribution does (e.g. org.apache.kafka.tools.consumer.ConsoleConsumer); logs WARN+.
exec java -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties \
  -cp '/opt/kafka/libs/*' "$@"
