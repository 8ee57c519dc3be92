package io.eurekaagent.readiness;

import io.eurekaagent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds {@code EurekaAgentBindHook.bound(this)} before every return of the JDK's server-socket {@code bind(SocketAddress, int)}
 * methods. A plain transformer with Byte Buddy's bundled ASM rather than an {@code AgentBuilder}: the builder costs
 * 300-450 ms and ~1,500 classes in premain, this costs nothing until one of the three classes loads, then a few
 * dozen ASM classes. Nothing else is looked at.
 */
final class BindTransformer implements ClassFileTransformer {
    static final Set<String> TARGETS = Set.of("java/net/ServerSocket", "sun/nio/ch/ServerSocketChannelImpl",
            "sun/nio/ch/AsynchronousServerSocketChannelImpl");

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || className == null || !TARGETS.contains(className)) {
            return null;
        }
        try {
            return instrument(bytes, HookInjector.HOOK);
        } catch (Throwable e) {
            AgentLog.warn("cannot watch " + className.replace('/', '.') + " for binds (" + e + "); set the port explicitly"
                    + " or use eureka.agent.register-on=port-open");
            return null;
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

    /** Only normal returns: a bind that throws has bound nothing. */
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
