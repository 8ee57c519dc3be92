package io.eurekaagent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Class bytes for rewriting tests: the test's own classes, this JVM's JDK classes, and calls counted in them. */
public final class TestClasses {
    private TestClasses() {
    }

    public static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** A JDK class file as this JVM has it, e.g. ("java.base", "java/net/ServerSocket"). */
    public static byte[] jdkClass(String module, String internalName) throws IOException {
        return Files.readAllBytes(
                FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", module, internalName + ".class"));
    }

    /** Defines rewritten bytes under the class's own name, in a loader of their own. */
    public static Class<?> load(Class<?> original, byte[] bytes) {
        return new ClassLoader(original.getClassLoader()) {
            Class<?> define() {
                return defineClass(original.getName(), bytes, 0, bytes.length);
            }
        }.define();
    }

    /** How many calls of {@code owner.method} the methods named {@code in} (descriptor starting so) make. */
    public static int callsIn(byte[] bytes, String in, String descriptorStart, String owner, String method) {
        int[] calls = {0};
        new ClassReader(bytes)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                if (!name.equals(in) || !descriptor.startsWith(descriptorStart)) {
                                    return null;
                                }
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitMethodInsn(
                                            int opcode,
                                            String callOwner,
                                            String callName,
                                            String desc,
                                            boolean isInterface) {
                                        if (callOwner.equals(owner) && callName.equals(method)) {
                                            calls[0]++;
                                        }
                                    }
                                };
                            }
                        },
                        0);
        return calls[0];
    }
}
