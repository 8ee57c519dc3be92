package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.bootstrap.ServerSocketHook;
import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.testing.TestClasses;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindTransformerTest {
    private static final String TEMPLATE_HOOK = HookContract.SOCKET_TEMPLATE;
    private static final String BIND = "(Ljava/net/SocketAddress;I)";

    /** Stands in for a JDK server socket: bind returns normally or throws. */
    public static class FakeServerSocket {
        public FakeServerSocket bind(SocketAddress address, int backlog) throws IOException {
            if (backlog < 0) {
                throw new IOException("bind failed");
            }
            return this;
        }

        public Object accept() {
            return "a connection";
        }

        public void bind(SocketAddress address) {
            // not the two-argument form: left alone
        }
    }

    /** Stands in for the JDK's SelectionKeyImpl. */
    public static class FakeSelectionKey extends SelectionKey {
        final SelectableChannel channel;

        public FakeSelectionKey(SelectableChannel channel) {
            this.channel = channel;
        }

        @Override
        public SelectionKey interestOps(int ops) {
            return this;
        }

        @Override
        public SelectableChannel channel() {
            return channel;
        }

        @Override
        public Selector selector() {
            return null;
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public int interestOps() {
            return 0;
        }

        @Override
        public int readyOps() {
            return 0;
        }
    }

    /** Records what the transformer tells of native transports. */
    private static final class RecordingHooks implements BindTransformer.Hooks {
        final List<String> transports = new ArrayList<>();

        @Override
        public boolean awaitPrepared() {
            return true;
        }

        @Override
        public void nativeTransport(String className) {
            transports.add(className);
        }
    }

    @AfterEach
    void detach() {
        ServerSocketHook.onBinding = null;
        ServerSocketHook.onAccepting = null;
    }

    private static Class<?> rewritten(Class<?> type) throws IOException {
        return TestClasses.load(type, BindTransformer.rewrite(TestClasses.bytesOf(type), TEMPLATE_HOOK));
    }

    @Test
    void aBindReportsTheSocketAsItStartsWhetherItSucceedsOrNot() throws Exception {
        List<Object> reported = new ArrayList<>();
        ServerSocketHook.onBinding = reported::add;
        Class<?> instrumented = rewritten(FakeServerSocket.class);
        Object socket = instrumented.getConstructor().newInstance();
        Method bind = instrumented.getMethod("bind", SocketAddress.class, int.class);

        bind.invoke(socket, new InetSocketAddress(0), 50);
        InvocationTargetException failed = assertThrows(InvocationTargetException.class,
                () -> bind.invoke(socket, new InetSocketAddress(0), -1));
        instrumented.getMethod("bind", SocketAddress.class).invoke(socket, new InetSocketAddress(0));

        assertEquals(List.of(socket, socket), reported, "the one-argument bind is left alone");
        assertEquals("bind failed", failed.getCause().getMessage());
    }

    @Test
    void aListenerThatThrowsCannotBreakTheBind() throws Exception {
        ServerSocketHook.onBinding = socket -> {
            throw new IllegalStateException("agent bug");
        };
        Class<?> instrumented = rewritten(FakeServerSocket.class);
        Object socket = instrumented.getConstructor().newInstance();

        assertEquals(
                socket,
                instrumented
                        .getMethod("bind", SocketAddress.class, int.class)
                        .invoke(socket, new InetSocketAddress(0), 50));
    }

    @Test
    void acceptReportsTheSocketBeforeItBlocks() throws Exception {
        List<Object> reported = new ArrayList<>();
        ServerSocketHook.onAccepting = reported::add;
        Class<?> instrumented = rewritten(FakeServerSocket.class);
        Object socket = instrumented.getConstructor().newInstance();

        assertEquals("a connection", instrumented.getMethod("accept").invoke(socket));
        assertEquals(List.of(socket), reported);
    }

    @Test
    void anAcceptInterestReportsTheServerChannelAndOtherInterestsDoNot() throws Exception {
        List<Object> reported = new ArrayList<>();
        ServerSocketHook.onAccepting = reported::add;
        Class<?> instrumented = rewritten(FakeSelectionKey.class);
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            Object key = instrumented.getConstructor(SelectableChannel.class).newInstance(channel);
            Method interestOps = instrumented.getMethod("interestOps", int.class);

            interestOps.invoke(key, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            interestOps.invoke(key, 0);
            interestOps.invoke(key, SelectionKey.OP_ACCEPT);

            assertEquals(List.of(channel), reported);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java/net/ServerSocket",
                "sun/nio/ch/ServerSocketChannelImpl",
                "sun/nio/ch/AsynchronousServerSocketChannelImpl"
            })
    void theJdkClassesOfThisJvmGetTheHookInTheirBindAndAcceptMethods(String jdkClass) throws Exception {
        byte[] original = TestClasses.jdkClass("java.base", jdkClass);
        byte[] instrumented = BindTransformer.rewrite(original, HookContract.SOCKET_HOOK);
        assertEquals(1, TestClasses.callsIn(instrumented, "bind", BIND, HookContract.SOCKET_HOOK, "binding"));
        assertEquals(0, TestClasses.callsIn(original, "bind", BIND, HookContract.SOCKET_HOOK, "binding"));
        assertTrue(TestClasses.callsIn(instrumented, "accept", "(", HookContract.SOCKET_HOOK, "accepting") >= 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sun/nio/ch/ServerSocketAdaptor", "sun/security/ssl/SSLServerSocketImpl"})
    void theJdkSocketAdaptersGetTheHookInTheirAccept(String jdkClass) throws Exception {
        byte[] instrumented =
                BindTransformer.rewrite(TestClasses.jdkClass("java.base", jdkClass), HookContract.SOCKET_HOOK);
        assertEquals(1, TestClasses.callsIn(instrumented, "accept", "()", HookContract.SOCKET_HOOK, "accepting"));
    }

    @Test
    void theJdkSelectionKeyReportsInterestChanges() throws Exception {
        byte[] instrumented = BindTransformer.rewrite(
                TestClasses.jdkClass("java.base", "sun/nio/ch/SelectionKeyImpl"), HookContract.SOCKET_HOOK);
        assertEquals(1, TestClasses.callsIn(instrumented, "interestOps", "(I)", HookContract.SOCKET_HOOK, "interest"));
        assertEquals(
                1, TestClasses.callsIn(instrumented, "interestOpsOr", "(I)", HookContract.SOCKET_HOOK, "interest"));
        assertEquals(0, TestClasses.callsIn(instrumented, "interestOps", "()", HookContract.SOCKET_HOOK, "interest"));
    }

    @Test
    void otherClassesAndOtherLoadersAreLeftAlone() {
        RecordingHooks hooks = new RecordingHooks();
        BindTransformer transformer = new BindTransformer(hooks, false);
        assertNull(transformer.transform(null, null, "java/net/Socket", null, null, new byte[0]));
        assertNull(transformer.transform(
                null, getClass().getClassLoader(), "java/net/ServerSocket", null, null, new byte[0]));
        assertTrue(BindTransformer.TARGETS.contains("java/net/ServerSocket"));
        assertEquals(List.of(), hooks.transports);
    }

    @Test
    void theServerChannelsOfNativeTransportsAreToldOfShadedOrNotAndLeftAlone() {
        RecordingHooks hooks = new RecordingHooks();
        BindTransformer transformer = new BindTransformer(hooks, false);
        ClassLoader app = getClass().getClassLoader();
        for (String name : new String[] {"io/netty/channel/epoll/EpollServerSocketChannel",
            "io/grpc/netty/shaded/io/netty/channel/epoll/EpollServerSocketChannel",
            "io/netty/channel/uring/IoUringServerSocketChannel", "io/netty/channel/kqueue/KQueueServerSocketChannel",
            "io/netty/channel/socket/nio/NioServerSocketChannel"}) {
            assertNull(transformer.transform(null, app, name, null, null, new byte[0]));
        }
        assertEquals(List.of("io.netty.channel.epoll.EpollServerSocketChannel",
                "io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel",
                "io.netty.channel.uring.IoUringServerSocketChannel",
                "io.netty.channel.kqueue.KQueueServerSocketChannel"),
                hooks.transports);
    }
}
