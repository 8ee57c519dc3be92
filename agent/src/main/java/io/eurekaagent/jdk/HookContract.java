package io.eurekaagent.jdk;

/**
 * What rewritten JDK code and the agent use of the two hooks in java.base: the hook and template names, the static
 * methods the JDK code calls (name and descriptor, written by hand into bytecode) and the fields the agent sets.
 * They are strings because the hooks are reached by name only; HookContractTest checks each against the templates
 * in {@code io.eurekaagent.bootstrap}.
 */
public final class HookContract {
    /** The hook readiness uses: the JDK's server-socket classes report binds and accepts as they start. */
    public static final String SOCKET_TEMPLATE = "io/eurekaagent/bootstrap/ServerSocketHook";
    public static final String SOCKET_HOOK = "sun/nio/ch/EurekaAgentServerSocketHook";
    public static final String ON_BINDING = "onBinding";
    public static final String ON_ACCEPTING = "onAccepting";
    public static final Call BINDING = new Call(SOCKET_TEMPLATE, "binding", "(Ljava/lang/Object;)V");
    public static final Call ACCEPTING = new Call(SOCKET_TEMPLATE, "accepting", "(Ljava/lang/Object;)V");
    public static final Call INTEREST = new Call(SOCKET_TEMPLATE, "interest", "(Ljava/lang/Object;I)V");

    /** The hook discovery uses: the JDK's HTTP clients pass their URLs, requests and connects through it. */
    public static final String NAME_TEMPLATE = "io/eurekaagent/bootstrap/NameHook";
    public static final String NAME_HOOK = "sun/nio/ch/EurekaAgentNameHook";
    public static final String RESOLVER = "resolver";
    public static final String SENT_HANDLER = "sent";
    public static final String REFUSED_HANDLER = "refusedHandler";
    public static final String CONNECTING_HANDLER = "connectingHandler";
    public static final Call REWRITE = new Call(NAME_TEMPLATE, "rewrite", "(Ljava/lang/Object;)Ljava/lang/Object;");
    public static final Call SENT = new Call(NAME_TEMPLATE, "sent",
            "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
    public static final Call CONNECTING = new Call(NAME_TEMPLATE, "connecting",
            "(Ljava/lang/Object;Ljava/lang/Object;I)Ljava/lang/Object;");
    public static final Call REFUSED = new Call(NAME_TEMPLATE, "refused",
            "(Ljava/lang/Object;Ljava/lang/Object;I)Ljava/lang/Object;");

    private HookContract() {
    }

    /** A public static method of a hook, as rewritten JDK code invokes it. */
    public static final class Call {
        private final String template;
        private final String name;
        private final String descriptor;

        Call(String template, String name, String descriptor) {
            this.template = template;
            this.name = name;
            this.descriptor = descriptor;
        }

        /** The internal name of the template that declares it. */
        public String template() {
            return template;
        }

        public String name() {
            return name;
        }

        public String descriptor() {
            return descriptor;
        }
    }
}
