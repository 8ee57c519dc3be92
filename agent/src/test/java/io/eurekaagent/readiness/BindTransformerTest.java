package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.bootstrap.BindHook;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindTransformerTest {
    private static final String TEMPLATE_HOOK = "io/eurekaagent/bootstrap/BindHook";

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
        Class<?> instrumented = load(FakeServerSocket.class.getName(),
                HookRewriter.instrument(bytesOf(FakeServerSocket.class.getName().replace('.', '/')), TEMPLATE_HOOK));
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
        Class<?> instrumented = load(FakeServerSocket.class.getName(),
                HookRewriter.instrument(bytesOf(FakeServerSocket.class.getName().replace('.', '/')), TEMPLATE_HOOK));
        Object socket = instrumented.getConstructor().newInstance();

        assertEquals(socket, instrumented.getMethod("bind", SocketAddress.class, int.class).invoke(socket, new InetSocketAddress(0), 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java/net/ServerSocket", "sun/nio/ch/ServerSocketChannelImpl", "sun/nio/ch/AsynchronousServerSocketChannelImpl"})
    void theJdkClassesOfThisJvmGetTheHookInTheirBindMethod(String jdkClass) throws Exception {
        byte[] original = Files.readAllBytes(FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", "java.base", jdkClass + ".class"));
        byte[] instrumented = HookRewriter.instrument(original, HookRewriter.HOOK);
        assertEquals(1, hookCallsIn(instrumented, "bind"));
        assertEquals(0, hookCallsIn(original, "bind"));
    }

    @Test
    void otherClassesAndOtherLoadersAreLeftAlone() {
        BindTransformer transformer = new BindTransformer(() -> true);
        assertNull(transformer.transform(null, null, "java/net/Socket", null, null, new byte[0]));
        assertNull(transformer.transform(null, getClass().getClassLoader(), "java/net/ServerSocket", null, null, new byte[0]));
        assertTrue(BindTransformer.TARGETS.contains("java/net/ServerSocket"));
    }

    private static int hookCallsIn(byte[] bytes, String methodName) {
        int[] calls = {0};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!name.equals(methodName) || !descriptor.startsWith("(Ljava/net/SocketAddress;I)")) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (owner.equals(HookRewriter.HOOK) && method.equals("bound")) {
                            calls[0]++;
                        }
                    }
                };
            }
        }, 0);
        return calls[0];
    }

    private static byte[] bytesOf(String internalName) throws IOException {
        try (InputStream in = BindTransformerTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Class<?> load(String name, byte[] bytes) {
        return new ClassLoader(BindTransformerTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }
}
