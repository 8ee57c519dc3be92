package io.eurekaagent.readiness;

import io.eurekaagent.jdk.ClassPatch;
import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.jdk.HookTransformer;
import java.util.List;
import java.util.Set;

/**
 * Adds the socket hook's calls to the JDK's server-socket and selection-key classes as they load, and tells of the
 * app's native transports (Netty's epoll, io_uring and kqueue server channels, shaded or not), whose binds never pass
 * through the JDK. A plain transformer rather than Byte Buddy's {@code AgentBuilder}, which costs 300-450 ms and
 * ~1,500 classes in premain, and {@link ClassPatch} rather than ASM, whose classes would load and run cold on the
 * app's thread at its first bind.
 */
final class BindTransformer extends HookTransformer {
    static final Set<String> TARGETS = Set.of("java/net/ServerSocket", "sun/nio/ch/ServerSocketChannelImpl",
            "sun/nio/ch/AsynchronousServerSocketChannelImpl", "sun/nio/ch/ServerSocketAdaptor",
            "sun/security/ssl/SSLServerSocketImpl", "sun/nio/ch/SelectionKeyImpl");
    private static final String[] NATIVE_SERVER_CHANNELS = {"/channel/epoll/EpollServerSocketChannel",
        "/channel/uring/IoUringServerSocketChannel", "/channel/uring/IOUringServerSocketChannel",
        "/channel/kqueue/KQueueServerSocketChannel"};

    /** What the transformer needs of the hooks. */
    interface Hooks {
        /** Waits until the hook class exists; false: leave the class alone. */
        boolean awaitPrepared();

        /** A native transport's server channel class is loading. */
        void nativeTransport(String className);
    }

    private final Hooks hooks;

    BindTransformer(Hooks hooks, boolean retransforming) {
        super(TARGETS, retransforming);
        this.hooks = hooks;
    }

    /** {@code bytes} with the calls to {@code hook} added, or null when no method of theirs takes one. */
    static byte[] rewrite(byte[] bytes, String hook) {
        return ClassPatch.callOnEntry(bytes, hook, Calls.ALL);
    }

    /**
     * {@code binding(this)} first thing in {@code bind(SocketAddress, int)}, {@code accepting(this)} in {@code accept},
     * {@code interest(this, ops)} in a selection key's {@code interestOps}/{@code interestOpsOr} (how NIO servers
     * start accepting). A holder class: loaded with the first socket class, not in premain.
     */
    private static final class Calls {
        static final List<ClassPatch.EntryCall> ALL = List.of(
                new ClassPatch.EntryCall("bind", "(Ljava/net/SocketAddress;I)", HookContract.BINDING),
                new ClassPatch.EntryCall("accept", "(", HookContract.ACCEPTING),
                new ClassPatch.EntryCall("interestOps", "(I)", HookContract.INTEREST),
                new ClassPatch.EntryCall("interestOpsOr", "(I)", HookContract.INTEREST));
    }

    @Override
    protected boolean awaitHook() {
        return hooks.awaitPrepared();
    }

    @Override
    protected byte[] instrument(byte[] bytes, String className) {
        return rewrite(bytes, HookContract.SOCKET_HOOK);
    }

    @Override
    protected String cannotRewrite(String className, Throwable cause) {
        return "cannot watch " + className + " for binds (" + cause + "); set the port explicitly or use"
                + " eureka.agent.register-on=port-open";
    }

    @Override
    protected void appClassLoading(String className) {
        if (className.endsWith("ServerSocketChannel") && isNativeServerChannel(className)) {
            hooks.nativeTransport(className.replace('/', '.'));
        }
    }

    private static boolean isNativeServerChannel(String className) {
        for (String suffix : NATIVE_SERVER_CHANNELS) {
            if (className.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
