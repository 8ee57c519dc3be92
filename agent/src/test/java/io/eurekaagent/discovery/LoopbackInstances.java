package io.eurekaagent.discovery;

/** UP instances of ORDERS on 127.0.0.1, for tests that really connect to them. */
final class LoopbackInstances {
    private LoopbackInstances() {
    }

    static RegisteredInstance up(String id, int port) {
        return new RegisteredInstance(
                "ORDERS", id, "127.0.0.1", "127.0.0.1", "UP", port, true, 443, false, "orders", null, null, 0, null,
                true);
    }
}
