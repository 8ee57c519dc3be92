package io.eurekaagent.readiness;

/**
 * The live thread whose name mentions a port, if any: servers name their acceptors after their connectors (Jetty's
 * {@code dw-admin-30-acceptor-0@...-admin@...{0.0.0.0:8081}}, Tomcat's {@code ajp-nio-8009-Acceptor}), which tells
 * an admin port from a serving one where no accept was seen (ports found listening).
 */
final class PortThreads {
    private PortThreads() {
    }

    /** A thread name with {@code port} in it as a number of its own, or null. */
    static String naming(int port) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (mentions(threads[i].getName(), port)) {
                return threads[i].getName();
            }
        }
        return null;
    }

    static boolean mentions(String name, int port) {
        String number = Integer.toString(port);
        for (int at = name.indexOf(number); at >= 0; at = name.indexOf(number, at + 1)) {
            int end = at + number.length();
            if ((at == 0 || !Character.isDigit(name.charAt(at - 1)))
                    && (end == name.length() || !Character.isDigit(name.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
