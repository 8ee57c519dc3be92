package io.eurekaagent.readiness;

import io.eurekaagent.jdk.HookContract;
import java.io.IOException;
import java.io.InputStream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds the hook's calls to the JDK's server-socket methods, with the ASM bundled in Byte Buddy:
 * {@code bound(this)} before every normal return of {@code bind(SocketAddress, int)} (a bind that throws has bound
 * nothing), {@code accepting(this)} on entry to {@code accept}, and {@code interest(this, ops)} on entry to a
 * selection key's {@code interestOps}/{@code interestOpsOr} (how NIO servers start accepting).
 */
final class HookRewriter {
    private HookRewriter() {
    }

    /** Loads and runs the rewriting code once, on the agent's thread, so the app's first bind does not pay for it. */
    static void warmUp() throws IOException {
        try (InputStream in = HookRewriter.class.getResourceAsStream("HookRewriter.class")) {
            instrument(in.readAllBytes(), HookContract.SOCKET_HOOK);
        }
    }

    /** @param hook the internal name of the class whose static hook methods are called */
    static byte[] instrument(byte[] bytes, String hook) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) != 0) {
                            return method;
                        }
                        if (name.equals("bind") && descriptor.startsWith("(Ljava/net/SocketAddress;I)")) {
                            return new CallHookBeforeReturn(method, hook);
                        }
                        if (name.equals("accept")) {
                            return new CallHookOnEntry(method, hook, HookContract.ACCEPTING);
                        }
                        if ((name.equals("interestOps") || name.equals("interestOpsOr"))
                                && descriptor.startsWith("(I)")) {
                            return new CallHookOnEntry(method, hook, HookContract.INTEREST);
                        }
                        return method;
                    }
                },
                0);
        return writer.toByteArray();
    }

    private static final class CallHookBeforeReturn extends MethodVisitor {
        private final String hook;

        CallHookBeforeReturn(MethodVisitor method, String hook) {
            super(Opcodes.ASM9, method);
            this.hook = hook;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(
                        Opcodes.INVOKESTATIC, hook, HookContract.BOUND.name(), HookContract.BOUND.descriptor(), false);
            }
            super.visitInsn(opcode);
        }
    }

    /** Passes {@code this} (and, for an int-taking hook, the first argument) to the hook first thing. */
    private static final class CallHookOnEntry extends MethodVisitor {
        private final String hook;
        private final HookContract.Call call;

        CallHookOnEntry(MethodVisitor visitor, String hook, HookContract.Call call) {
            super(Opcodes.ASM9, visitor);
            this.hook = hook;
            this.call = call;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            if (call.descriptor().contains("I)")) {
                super.visitVarInsn(Opcodes.ILOAD, 1);
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook, call.name(), call.descriptor(), false);
        }
    }
}
