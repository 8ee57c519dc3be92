package io.eurekaagent.discovery;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Puts {@code EurekaAgentNameHook.rewrite} in front of the JDK code that opens HTTP requests, with the ASM bundled in
 * Byte Buddy: the URL handlers' {@code openConnection(URL[, Proxy])} and {@code HttpClientImpl}'s internal
 * {@code sendAsync(request, handler, pushHandler, executor)}, through which {@code send} and both public
 * {@code sendAsync} go. The first argument is replaced by what the hook returns; a Throwable is thrown by the URL
 * handlers (it is an UnknownHostException, which openConnection declares) and becomes a failed future in sendAsync.
 */
final class NameRewriter {
    static final String HOOK = "sun/nio/ch/EurekaAgentNameHook";
    static final String TEMPLATE = "io/eurekaagent/bootstrap/NameHook";
    static final String URL_HANDLER = "sun/net/www/protocol/http/Handler";
    static final String TLS_URL_HANDLER = "sun/net/www/protocol/https/Handler";
    static final String HTTP_CLIENT = "jdk/internal/net/http/HttpClientImpl";
    private static final String SEND_ASYNC = "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;"
            + "Ljava/net/http/HttpResponse$PushPromiseHandler;Ljava/util/concurrent/Executor;)Ljava/util/concurrent/CompletableFuture;";

    private NameRewriter() {
    }

    /** @param client true for HttpClientImpl, false for a URL handler; @param hook the class whose rewrite is called */
    static byte[] instrument(byte[] bytes, boolean client, String hook) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) != 0) {
                    return method;
                }
                if (client && name.equals("sendAsync") && descriptor.equals(SEND_ASYNC)) {
                    return new ReplaceFirstArgument(method, hook, "java/net/http/HttpRequest", true);
                }
                if (!client && name.equals("openConnection") && descriptor.startsWith("(Ljava/net/URL;")) {
                    return new ReplaceFirstArgument(method, hook, "java/net/URL", false);
                }
                return method;
            }
        }, 0);
        return writer.toByteArray();
    }

    /** {@code arg1 = hook(arg1)} at the method's start, or fail with the Throwable the hook returned. */
    private static final class ReplaceFirstArgument extends MethodVisitor {
        private final String hook;
        private final String type;
        private final boolean failAsFuture;

        ReplaceFirstArgument(MethodVisitor method, String hook, String type, boolean failAsFuture) {
            super(Opcodes.ASM9, method);
            this.hook = hook;
            this.type = type;
            this.failAsFuture = failAsFuture;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label usable = new Label();
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook, "rewrite", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, type);
            super.visitJumpInsn(Opcodes.IFNE, usable);
            super.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Throwable");
            if (failAsFuture) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/concurrent/CompletableFuture", "failedFuture",
                        "(Ljava/lang/Throwable;)Ljava/util/concurrent/CompletableFuture;", false);
                super.visitInsn(Opcodes.ARETURN);
            } else {
                super.visitInsn(Opcodes.ATHROW);
            }
            super.visitLabel(usable);
            super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/Object"});
            super.visitTypeInsn(Opcodes.CHECKCAST, type);
            super.visitVarInsn(Opcodes.ASTORE, 1);
        }
    }
}
