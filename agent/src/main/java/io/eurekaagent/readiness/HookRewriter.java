package io.eurekaagent.readiness;

import java.io.IOException;
import java.io.InputStream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds {@code EurekaAgentBindHook.bound(this)} before every normal return of a {@code bind(SocketAddress, int)}
 * method, with the ASM bundled in Byte Buddy. Only normal returns: a bind that throws has bound nothing.
 */
final class HookRewriter {
    /** The bind hook inside java.base, and the agent class it is made from. */
    static final String HOOK = "sun/nio/ch/EurekaAgentBindHook";
    static final String TEMPLATE = "io/eurekaagent/bootstrap/BindHook";

    private HookRewriter() {
    }

    /** Loads and runs the rewriting code once, on the agent's thread, so the app's first bind does not pay for it. */
    static void warmUp() throws IOException {
        try (InputStream in = HookRewriter.class.getResourceAsStream("HookRewriter.class")) {
            instrument(in.readAllBytes(), HOOK);
        }
    }

    /** @param hook the internal name of the class whose static {@code bound(Object)} is called */
    static byte[] instrument(byte[] bytes, String hook) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean bind = name.equals("bind") && descriptor.startsWith("(Ljava/net/SocketAddress;I)")
                        && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0;
                return bind ? new CallHookBeforeReturn(method, hook) : method;
            }
        }, 0);
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
                super.visitMethodInsn(Opcodes.INVOKESTATIC, hook, "bound", "(Ljava/lang/Object;)V", false);
            }
            super.visitInsn(opcode);
        }
    }
}
