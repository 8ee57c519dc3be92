package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.bootstrap.BindHook;
import io.eurekaagent.jdk.TestClasses;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindTransformerTest {
    private static final String TEMPLATE_HOOK = "io/eurekaagent/bootstrap/BindHook";
    private static final String BIND = "(Ljava/net/SocketAddress;I)";

    /** Stands in for a JDK server socket: bind returns normally or throws. */
    public static class FakeServerSocket {
        public FakeServerSocket bind(SocketAddress address, int backlog) throws IOException {
            if (backlog < 0) {
                throw new IOException("bind failed");
            }
            return this;
        }

        public void bind(SocketAddress address) {
            // not the two-argument form: left alone
        }
    }

    @AfterEach
    void detach() {
        BindHook.listener = null;
    }

    @Test
    void aSuccessfulBindReportsTheSocketAndAFailedOneDoesNot() throws Exception {
        List<Object> reported = new ArrayList<>();
        BindHook.listener = reported::add;
        Class<?> instrumented = TestClasses.load(FakeServerSocket.class,
                HookRewriter.instrument(TestClasses.bytesOf(FakeServerSocket.class), TEMPLATE_HOOK));
        Object socket = instrumented.getConstructor().newInstance();
        Method bind = instrumented.getMethod("bind", SocketAddress.class, int.class);

        bind.invoke(socket, new InetSocketAddress(0), 50);
        InvocationTargetException failed = assertThrows(InvocationTargetException.class,
                () -> bind.invoke(socket, new InetSocketAddress(0), -1));
        instrumented.getMethod("bind", SocketAddress.class).invoke(socket, new InetSocketAddress(0));

        assertEquals(List.of(socket), reported);
        assertEquals("bind failed", failed.getCause().getMessage());
    }

    @Test
    void aListenerThatThrowsCannotBreakTheBind() throws Exception {
        BindHook.listener = socket -> {
            throw new IllegalStateException("agent bug");
        };
        Class<?> instrumented = TestClasses.load(FakeServerSocket.class,
                HookRewriter.instrument(TestClasses.bytesOf(FakeServerSocket.class), TEMPLATE_HOOK));
        Object socket = instrumented.getConstructor().newInstance();

        assertEquals(socket, instrumented.getMethod("bind", SocketAddress.class, int.class).invoke(socket, new InetSocketAddress(0), 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java/net/ServerSocket", "sun/nio/ch/ServerSocketChannelImpl", "sun/nio/ch/AsynchronousServerSocketChannelImpl"})
    void theJdkClassesOfThisJvmGetTheHookInTheirBindMethod(String jdkClass) throws Exception {
        byte[] original = TestClasses.jdkClass("java.base", jdkClass);
        byte[] instrumented = HookRewriter.instrument(original, HookRewriter.HOOK);
        assertEquals(1, TestClasses.callsIn(instrumented, "bind", BIND, HookRewriter.HOOK, "bound"));
        assertEquals(0, TestClasses.callsIn(original, "bind", BIND, HookRewriter.HOOK, "bound"));
    }

    @Test
    void otherClassesAndOtherLoadersAreLeftAlone() {
        BindTransformer transformer = new BindTransformer(() -> true);
        assertNull(transformer.transform(null, null, "java/net/Socket", null, null, new byte[0]));
        assertNull(transformer.transform(null, getClass().getClassLoader(), "java/net/ServerSocket", null, null, new byte[0]));
        assertTrue(BindTransformer.TARGETS.contains("java/net/ServerSocket"));
    }
}
