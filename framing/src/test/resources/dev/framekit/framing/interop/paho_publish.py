"""Publishes QoS 0 messages with Eclipse Paho to a broker, for framekit's MQTT framer to read.

usage: paho_publish.py PORT TOPIC SIZE...
Each payload is SIZE bytes, byte i being (i * 31 + SIZE) & 0xff. Prints "published SIZE" after each,
then "done".
"""
import sys

import paho.mqtt.client as mqtt


def payload(size):
    return bytes((i * 31 + size) & 0xFF for i in range(size))


def main():
    port, topic, sizes = int(sys.argv[1]), sys.argv[2], [int(s) for s in sys.argv[3:]]
    client = mqtt.Client(client_id="paho-publisher", protocol=mqtt.MQTTv311)
    client.connect("127.0.0.1", port, keepalive=60)
    client.loop_start()
    for size in sizes:
        info = client.publish(topic, payload(size), qos=0)
        info.wait_for_publish(timeout=30)
        print("published", size, flush=True)
    client.disconnect()
    client.loop_stop()
    print("done", flush=True)


if __name__ == "__main__":
    main()
